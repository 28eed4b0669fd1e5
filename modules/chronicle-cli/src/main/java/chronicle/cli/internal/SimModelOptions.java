package chronicle.cli.internal;

import chronicle.api.spi.ParameterType;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Locale;

/**
 * The simulated exchange's model options, shared by {@code chronicle backtest} and {@code chronicle router --venue
 * paper}: latency, queue position, fees. A bad value is one line naming the option.
 */
final class SimModelOptions {

    @Option(names = "--latency", paramLabel = "DURATION|recorded",
            description = "Order entry and response latency each (50us, 2ms), or 'recorded': the book's recorded "
                    + "feed latency (default: 0).")
    String latency;

    @Option(names = "--latency-entry", paramLabel = "DURATION", description = "Strategy-to-exchange latency.")
    String latencyEntry;

    @Option(names = "--latency-response", paramLabel = "DURATION", description = "Exchange-to-strategy latency.")
    String latencyResponse;

    @Option(names = "--queue-model", defaultValue = "risk-averse", paramLabel = "MODEL",
            description = "risk-averse, power:N, log or l3-fifo (default: ${DEFAULT-VALUE}).")
    String queueModel;

    @Option(names = "--maker-fee", defaultValue = "0", paramLabel = "RATE",
            description = "Fee rate of maker fills; negative is a rebate (default: ${DEFAULT-VALUE}).")
    double makerFee;

    @Option(names = "--taker-fee", defaultValue = "0", paramLabel = "RATE",
            description = "Fee rate of taker fills (default: ${DEFAULT-VALUE}).")
    double takerFee;

    @Option(names = "--fee-basis", defaultValue = "value", paramLabel = "value|quantity",
            description = "Rates apply to traded value or to quantity (default: ${DEFAULT-VALUE}).")
    String feeBasis;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** @return the queue-position model. */
    QueueModel queueModel() {
        try {
            return QueueModel.parse(queueModel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @return the fee model. */
    FeeModel fees() {
        try {
            return new FeeModel(makerFee, takerFee, switch (feeBasis.toLowerCase(Locale.ROOT)) {
                case "value" -> FeeModel.Basis.VALUE;
                case "quantity" -> FeeModel.Basis.QUANTITY;
                default -> throw new IllegalArgumentException("--fee-basis must be value or quantity, not '"
                        + feeBasis + "'");
            });
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @return the latency model. */
    LatencyModel latencyModel() {
        if (latency != null && (latencyEntry != null || latencyResponse != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --latency, or --latency-entry and --latency-response, not both");
        }
        if (latency != null && latency.equalsIgnoreCase("recorded")) {
            return LatencyModel.recorded();
        }
        if (latency != null) {
            return LatencyModel.constant(duration("--latency", latency));
        }
        Duration entry = latencyEntry == null ? Duration.ZERO : duration("--latency-entry", latencyEntry);
        Duration response = latencyResponse == null ? Duration.ZERO : duration("--latency-response",
                latencyResponse);
        return LatencyModel.constant(entry, response);
    }

    private Duration duration(String option, String text) {
        try {
            Duration d = (Duration) ParameterType.DURATION.parse(text);
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage()
                    + " (for example 50us, 2ms)");
        }
    }
}
