package chronicle.cli.internal.report;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestResult.EquityPoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report as a file: where it goes, how it replaces an older one, and what the page holds (no browser). */
@Timeout(30)
class HtmlReportTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteIndexHtmlIntoANewFolderAndLeaveNoTemporaryFile() throws IOException {
        Path dir = temp.resolve("reports/2026-03-02/mm");

        Path page = HtmlReport.write(SampleResults.marketMaker(), dir);

        assertEquals(dir.resolve("index.html"), page);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(page), files.toList());
        }
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"), "a whole page");
    }

    @Test
    void shouldReplaceAnEarlierReportAndLeaveOtherFilesAlone() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("report"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        HtmlReport.write(SampleResults.marketMaker(), dir);

        Path page = HtmlReport.write(SampleResults.neverTraded(), dir);

        assertTrue(Files.readString(page).contains("<title>Backtest: idle</title>"));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void shouldRefuseAFileWhereTheFolderShouldBe() throws IOException {
        Path file = Files.writeString(temp.resolve("report"), "not a folder");

        IOException e = assertThrows(IOException.class, () -> HtmlReport.write(SampleResults.neverTraded(), file));

        assertEquals(file + ": is a file, not a folder; give the report a folder of its own", e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void shouldNeedNothingButThePageItself() throws IOException {
        String html = Files.readString(HtmlReport.write(SampleResults.marketMaker(), temp.resolve("r")));

        assertFalse(Pattern.compile("<script[^>]*\\bsrc=|<link\\b|@import|url\\(", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "the page loads something from elsewhere");
        assertTrue(html.contains("var uPlot=function()"), "uPlot inlined");
        assertTrue(html.contains("Copyright (c) 2022 Leon Sorokin"), "uPlot's licence travels with it");
    }

    @Test
    void shouldCarryTheDataAsJsonThatNoTextCanBreakOutOf() throws IOException {
        String attack = "</script><!-- <script>alert(1)</script>";
        BacktestResult result = SampleResults.marketMaker("mm" + attack, Map.of("note", attack));
        List<Instrument> instruments = List.of(new Instrument(0, "x&y", "BTC" + attack, 1, 2, -2, -4));
        BacktestResult hostile = new BacktestResult(result.strategy(), result.parameters(), instruments,
                result.start(), result.end(), result.events(), result.initialCash(), result.summary(),
                result.equity(), List.of(), List.of(), List.of(), new long[0]);

        String html = Files.readString(HtmlReport.write(hostile, temp.resolve("r")));

        assertEquals(count(html, "<script"), count(html, "</script>"), "every script element ends where it should");
        Matcher json = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(json.find(), "the data element");
        assertFalse(json.group(1).contains("<"), "a raw < in the data");
        JsonNode data = new ObjectMapper().readTree(json.group(1));
        assertEquals("x&y BTC" + attack, data.path("instruments").path(0).path("label").asText());
        assertEquals(result.equity().size(), data.path("equity").path("t").size());
    }

    @Test
    void shouldThinLongSeriesAndSaySo() throws IOException {
        BacktestResult idle = SampleResults.neverTraded();
        List<EquityPoint> equity = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            equity.add(new EquityPoint(idle.start() + i * 1_000_000L, 100_000 + (i % 977), 100_000, 0));
        }
        BacktestResult longRun = new BacktestResult(idle.strategy(), idle.parameters(), idle.instruments(),
                idle.start(), idle.end(), idle.events(), idle.initialCash(), idle.summary(), equity, List.of(),
                List.of(), idle.mids(), new long[0]);

        String html = Files.readString(HtmlReport.write(longRun, temp.resolve("r")));

        Matcher json = Pattern.compile("id=\"chart-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(json.find());
        JsonNode points = new ObjectMapper().readTree(json.group(1)).path("equity");
        assertEquals(100_000, points.path("points").asInt());
        assertTrue(points.path("t").size() <= ChartData.MAX_LINE_POINTS, "thinned to " + points.path("t").size());
        assertTrue(html.contains("100,000 points: the first, lowest, highest and last of each interval are drawn."));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
