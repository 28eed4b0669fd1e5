package chronicle.plugin.importer.lobster;

import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays an import with {@code new ReplayEngine(GapPolicy.FAIL, 0)} and, after <em>every</em> message record,
 * compares the replayed book's levels ({@link MarketBook#levels()}) with the orderbook file's row of that message.
 *
 * <h2>What is compared</h2>
 * After message k, on each side: if row k shows N (here 10) non-empty levels, its <em>view</em> is every price at
 * least as good as its N-th level; if it shows fewer, the side has no more levels and the view is every price. For
 * every price in the view at which row k or the replayed book has a level, the file's size (0 without a level)
 * must equal the replayed size (0 without a level). With the view, that is the same as comparing the top N levels
 * one by one (price and size, and {@code 9999999999 / -9999999999} with size 0 where a side has fewer than N
 * levels); {@link #rowsExact} counts the rows equal that way. Replayed levels outside the view are not compared: the
 * file says nothing about them. The file's empty levels must have exactly those prices and come last.
 *
 * <h2>The accepted-difference rule</h2>
 * LOBSTER's message file omits every change to a level while the level is deeper than the N visible ones. A book
 * rebuilt from the messages can therefore differ from the file at a price p only after the files <em>show</em>
 * that p changed while out of view. A difference at p after message k is accepted only if p is <b>tainted</b> by
 * then, and p becomes tainted (for good: the error of an unseen change persists) by either piece of evidence:
 * <ol>
 *   <li><b>E1, a jump on coming back into view.</b> At a row m (m &ge; 2) where p is in the view but was outside
 *       the view of row m - 1, the file's size at p differs from its size in the last row that had p in view
 *       (0 if p has been outside the view since row 1) plus the effect of message m at p (a new order +size, a
 *       cancel, deletion or visible execution -size, else 0). p is tainted from row m on.</li>
 *   <li><b>E2, a message the visible history cannot explain.</b> Message k (k &ge; 2) is a cancel, deletion or
 *       visible execution at p, p was outside the view of some row before k, and either the order it names was
 *       added by an earlier message but does not have that size left (a deletion of another size than is left,
 *       or a cancel or execution of more than is left: it changed out of view), or it names an order no message
 *       added and p's <em>unattributed volume</em> cannot cover it. The unattributed volume of p is what row 1
 *       shows at p minus what message 1 added there (the orders resting before the start; 0 for a price outside
 *       row 1's view), less the amounts of the earlier messages at p naming orders no message added. An order that
 *       no message added and that this volume covers may have rested there since the start, or have been added
 *       out of view in place of one that left out of view; either way the level's size stays right if the import
 *       takes it off that volume, so it is no evidence. p is tainted from row k on.</li>
 * </ol>
 * Row 1 is the starting point: the adapter derives its opening book from it, so after message 1 the whole view must
 * be equal, and a price outside row 1's view counts as "outside the view since row 1" with size 0 (its content
 * before the start is unknown). Both kinds of evidence need p to have been out of view at an earlier row, so the
 * rule accepts less than the plain bound "p was deeper than N at some earlier point".
 *
 * <p>Why nothing else may differ: the book rebuilt from row 1 and the messages has the file's size at p as long as
 * (a) p's size never jumps on coming back into view (else E1), and (b) every message at p changes both books by
 * the same amount. A new order adds its size to both. A cancel, deletion or execution of an order a message added
 * takes the same amount off both, unless that order changed out of view (E2). One naming an order no message
 * added takes its amount off the volume the import keeps for p's orders from before the start, which is right
 * while that volume covers it (else E2, or, at a price never out of view, a vendor inconsistency). The check also
 * asserts the vendor's own consistency: a price that stays in view changes from one row to the next exactly by the
 * effect of the message.
 *
 * <p>For comparison, {@link #levelsOutOfViewEarlier} counts the compared levels at prices that were merely outside
 * the view of some earlier row (the coarse version of the rule), which the test does not use.
 */
final class BookCheck {

    static final long EMPTY_ASK = 9_999_999_999L;
    static final long EMPTY_BID = -9_999_999_999L;

    private final List<long[]> rows;
    private final List<String> messageLines;
    private final List<long[]> messages;
    private final int levels;
    private final ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);

    /** Differences not explained by evidence of a change out of view. */
    final List<String> failures = new ArrayList<>();
    /** Differences at tainted prices. */
    final List<String> accepted = new ArrayList<>();
    /** Evidence found: one line per price tainted. */
    final List<String> evidence = new ArrayList<>();
    int rowsCompared;
    int rowsExact;
    int levelsCompared;
    int levelsTainted;
    int levelsOutOfViewEarlier;

    /** What the files tell about one price of one side. */
    private static final class PriceState {
        /** outside the view of the last row processed. */
        boolean out;
        /** outside the view of some row processed. */
        boolean everOut;
        /** the file's size at the last row that had the price in view. */
        long lastSeen;
        /** the volume no message accounts for: resting since before the start, less what unknown orders took. */
        long unattributed;
        boolean tainted;
    }

    private final Map<Long, PriceState> bids = new HashMap<>();
    private final Map<Long, PriceState> asks = new HashMap<>();
    /** Orders added by messages and not removed since: id to size left. */
    private final Map<Long, Long> orders = new HashMap<>();
    private int rowsProcessed;

    /**
     * @param orderbookLines the lines of the orderbook file (row 1 first).
     * @param messageLines   the lines of the message file that goes with it (the vendor's, all good).
     */
    BookCheck(List<String> orderbookLines, List<String> messageLines) {
        this.rows = Fixtures.orderbookRows(orderbookLines);
        this.messageLines = messageLines;
        this.messages = messageLines.stream().map(l -> {
            String[] c = l.split(",");
            return new long[] {Long.parseLong(c[1]), Long.parseLong(c[2]), Long.parseLong(c[3]),
                    Long.parseLong(c[4]), Long.parseLong(c[5])};
        }).toList();
        this.levels = rows.getFirst().length / 4;
        // every price the files name, per side: the levels of the rows and the prices of the messages
        for (long[] row : rows) {
            for (int i = 0; i < levels; i++) {
                if (row[i * 4 + 1] > 0) {
                    state(Side.ASK, row[i * 4]);
                }
                if (row[i * 4 + 3] > 0) {
                    state(Side.BID, row[i * 4 + 2]);
                }
            }
        }
        for (long[] m : messages) {
            state(sideOf(m[4]), m[3]);
        }
    }

    ReplayEngine engine() {
        return engine;
    }

    /**
     * Replays the records one by one, comparing after each message record (its header's sequence is its line).
     *
     * @param records the import's records, in order.
     * @return this.
     */
    BookCheck replay(List<RecordingSink.Record> records) {
        for (int i = 0; i < records.size(); i++) {
            RecordingSink.Record record = records.get(i);
            engine.onRecord(record.type(), i, record.journalTimestamp(), record.buffer(), 0, record.bytes().length);
            EventHeader header = record.header();
            if (header.eventCode() != EventType.DIFF.code()) {
                continue; // the opening book: checked through the messages that follow
            }
            int k = (int) header.sequence();
            while (rowsProcessed < k) {
                process(++rowsProcessed);
            }
            compare(k, engine.book(header.venueId(), header.marketId()).levels());
        }
        return this;
    }

    // ------------------------------------------------------------------------------------------- the evidence

    private static Side sideOf(long direction) {
        return direction == 1 ? Side.BID : Side.ASK;
    }

    private PriceState state(Side side, long price) {
        return (side == Side.BID ? bids : asks).computeIfAbsent(price, p -> new PriceState());
    }

    /** The effect of message k on the file's size at a price of a side. */
    private long effect(int k, Side side, long price) {
        long[] m = messages.get(k - 1);
        if (sideOf(m[4]) != side || m[3] != price) {
            return 0;
        }
        return switch ((int) m[0]) {
            case 1 -> m[2];
            case 2, 3, 4 -> -m[2];
            default -> 0;
        };
    }

    /** Folds message k and row k into the evidence (E2, then E1 and the view states). */
    private void process(int k) {
        long[] m = messages.get(k - 1);
        int type = (int) m[0];
        long id = m[1];
        long amount = m[2];
        if (type >= 2 && type <= 4) {
            PriceState at = state(sideOf(m[4]), m[3]);
            Long left = orders.get(id);
            boolean unexplained;
            if (left == null) {
                unexplained = amount > at.unattributed;
                at.unattributed = Math.max(0, at.unattributed - amount);
            } else {
                unexplained = type == 3 ? amount != left : amount > left;
            }
            if (k >= 2 && at.everOut && unexplained && !at.tainted) {
                at.tainted = true;
                evidence.add("E2 at message " + k + " (" + messageLines.get(k - 1) + "): "
                        + (left == null ? "an order no message added, beyond the unattributed volume"
                        : left + " left of the order") + " at " + sideOf(m[4]).label() + " "
                        + Decimals.toString(m[3], -4) + ", which was out of view before");
            }
            if (left != null) {
                if (type == 3 || amount >= left) {
                    orders.remove(id);
                } else {
                    orders.put(id, left - amount);
                }
            }
        } else if (type == 1) {
            orders.put(id, amount);
        }
        long[] row = rows.get(k - 1);
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            Map<Long, Long> file = fileLevels(k, row, side);
            boolean full = file.size() == levels;
            long boundary = full ? last(file) : 0;
            for (Map.Entry<Long, PriceState> e : (side == Side.BID ? bids : asks).entrySet()) {
                long price = e.getKey();
                PriceState s = e.getValue();
                boolean inView = !full || (side == Side.BID ? price >= boundary : price <= boundary);
                long size = file.getOrDefault(price, 0L);
                if (k == 1) {
                    s.out = !inView;
                    s.everOut = !inView;
                    s.lastSeen = inView ? size : 0;
                    s.unattributed = inView ? size - (m[0] == 1 && sideOf(m[4]) == side && m[3] == price ? m[2] : 0)
                            : 0;
                    continue;
                }
                if (inView) {
                    long expected = s.lastSeen + effect(k, side, price);
                    if (size != expected) {
                        if (!s.out) {
                            failures.add("vendor files disagree: row " + k + " has " + size + " at "
                                    + side.label() + " " + Decimals.toString(price, -4) + ", in view since row "
                                    + "before, which had " + s.lastSeen + ", and message " + k + " ("
                                    + messageLines.get(k - 1) + ") does not explain it");
                        } else if (!s.tainted) {
                            s.tainted = true;
                            evidence.add("E1 at row " + k + ": " + side.label() + " " + Decimals.toString(price, -4)
                                    + " comes back into view with " + size + ", left it with " + s.lastSeen
                                    + (expected != s.lastSeen ? " (message " + k + " changes it by "
                                    + (expected - s.lastSeen) + ")" : ""));
                        }
                    }
                    s.lastSeen = size;
                    s.out = false;
                } else {
                    s.out = true;
                    s.everOut = true;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- the comparison

    private void compare(int k, LevelView view) {
        long[] row = rows.get(k - 1);
        rowsCompared++;
        boolean exact = true;
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            exact &= compareOneByOne(row, side, view);
            compareInView(k, row, side, view);
        }
        if (exact) {
            rowsExact++;
        }
    }

    private static long last(Map<Long, Long> levelsOfFile) {
        long last = 0;
        for (long price : levelsOfFile.keySet()) {
            last = price;
        }
        return last;
    }

    /** The file's levels of a side, price to size, best first; checks the format of empty levels. */
    private Map<Long, Long> fileLevels(int k, long[] row, Side side) {
        int column = side == Side.ASK ? 0 : 2;
        long empty = side == Side.ASK ? EMPTY_ASK : EMPTY_BID;
        Map<Long, Long> levelsOfFile = new LinkedHashMap<>();
        boolean seenEmpty = false;
        for (int i = 0; i < levels; i++) {
            long price = row[i * 4 + column];
            long size = row[i * 4 + column + 1];
            if (size == 0) {
                seenEmpty = true;
                if (price != empty) {
                    failures.add("row " + k + ": empty " + side.label() + " level " + (i + 1) + " has price " + price);
                }
            } else {
                if (seenEmpty) {
                    failures.add("row " + k + ": " + side.label() + " level " + (i + 1) + " follows an empty one");
                }
                levelsOfFile.put(price, size);
            }
        }
        return levelsOfFile;
    }

    private void compareInView(int k, long[] row, Side side, LevelView view) {
        Map<Long, Long> file = fileLevels(k, row, side);
        boolean full = file.size() == levels;
        long boundary = full ? last(file) : 0;
        Map<Long, Long> replayed = new LinkedHashMap<>();
        for (int i = 0; i < view.depth(side); i++) {
            long price = view.price(side, i);
            if (full && (side == Side.BID ? price < boundary : price > boundary)) {
                break; // out of view: levels are best first
            }
            replayed.put(price, view.size(side, i));
        }
        Set<Long> prices = new LinkedHashSet<>(file.keySet());
        prices.addAll(replayed.keySet());
        Map<Long, PriceState> states = side == Side.BID ? bids : asks;
        for (long price : prices) {
            levelsCompared++;
            PriceState s = states.get(price);
            boolean tainted = s != null && s.tainted;
            if (tainted) {
                levelsTainted++;
            }
            if (s != null && s.everOut) {
                levelsOutOfViewEarlier++;
            }
            long expected = file.getOrDefault(price, 0L);
            long actual = replayed.getOrDefault(price, 0L);
            if (expected != actual) {
                String difference = "after message " + k + " (" + messageLines.get(k - 1) + "): " + side.label()
                        + " " + Decimals.toString(price, -4) + ": file " + expected + ", replay " + actual;
                (tainted ? accepted : failures).add(difference);
            }
        }
    }

    private boolean compareOneByOne(long[] row, Side side, LevelView view) {
        int column = side == Side.ASK ? 0 : 2;
        long empty = side == Side.ASK ? EMPTY_ASK : EMPTY_BID;
        for (int i = 0; i < levels; i++) {
            long price = i < view.depth(side) ? view.price(side, i) : empty;
            long size = i < view.depth(side) ? view.size(side, i) : 0;
            if (row[i * 4 + column] != price || row[i * 4 + column + 1] != size) {
                return false;
            }
        }
        return true;
    }

    /** @return a summary line, for the test log. */
    String summary() {
        return rowsCompared + " rows compared, " + rowsExact + " equal level by level; " + levelsCompared
                + " levels compared, " + levelsTainted + " at tainted prices (" + evidence.size() + " prices tainted; "
                + levelsOutOfViewEarlier + " at prices merely out of view earlier); " + accepted.size()
                + " accepted differences, " + failures.size() + " failures";
    }
}
