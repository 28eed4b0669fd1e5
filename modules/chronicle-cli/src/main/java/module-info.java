/**
 * Layer 4: the {@code chronicle} command line. Exports nothing; the launcher runs
 * {@code chronicle.cli.internal.Main}.
 */
module chronicle.cli {
    requires chronicle.core;
    requires chronicle.bus;
    requires chronicle.storage;
    requires info.picocli;

    opens chronicle.cli.internal to info.picocli;
}
