package chronicle.etl.spi;

import chronicle.pluginhost.spi.Plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file format of research extracts (CSV, Parquet, ...): a ServiceLoader plug-in found through
 * {@code chronicle.pluginhost}.
 *
 * <p>The extract engine owns the partition layout and the atomicity of every file: it asks the sink to write a
 * whole partition into a temporary file beside the final one ({@code .part-0.parquet.tmp}), and renames it to its
 * final name only after {@link PartitionWriter#close()} returned. A sink therefore never renames, never
 * deletes, and needs no cleanup on failure; a killed extract leaves at most a hidden temporary file, never a
 * complete-looking partial one.
 *
 * <p>A provider is a public class with a public no-argument constructor, declared in its module-info
 * ({@code provides chronicle.etl.spi.ExtractSink with ...}) and in
 * {@code META-INF/services/chronicle.etl.spi.ExtractSink}. {@link #name()} is what users type after
 * {@code --format}.
 */
public interface ExtractSink extends Plugin {

    /**
     * The extension of the files this sink writes.
     *
     * @return without the dot, for example {@code parquet}.
     */
    String fileExtension();

    /**
     * The compressions this sink can write.
     *
     * @return names a user types after {@code --compression}; the first is the default; {@code none} means
     *         uncompressed.
     */
    List<String> compressions();

    /**
     * Starts one partition file.
     *
     * @param file    the temporary file to write (its folder exists; the file does not).
     * @param schema  the columns of every row.
     * @param options compression (one of {@link #compressions()}) and row group size.
     * @return a writer that the caller closes exactly once after the last row.
     * @throws IOException if the file cannot be created.
     */
    PartitionWriter open(Path file, TableSchema schema, SinkOptions options) throws IOException;
}
