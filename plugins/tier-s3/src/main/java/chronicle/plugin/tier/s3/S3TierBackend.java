package chronicle.plugin.tier.s3;

import chronicle.plugin.tier.s3.internal.S3Settings;
import chronicle.plugin.tier.s3.internal.S3TierStore;
import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.util.Map;

/**
 * The {@code s3} tier backend: objects in an AWS S3 bucket or an S3-compatible store (MinIO, Ceph, s3proxy),
 * through the AWS SDK for Java v2.
 * <pre>{@code
 * "cold": { "backend": "s3", "bucket": "md-archive", "prefix": "chronicle/", "region": "eu-west-1" }
 * "lab":  { "backend": "s3", "bucket": "md-lab", "endpoint": "http://minio:9000", "pathStyle": "true" }
 * }</pre>
 * Settings: {@link #settings()}. Credentials come only from the AWS SDK default chain (environment, Java
 * properties, profile, web identity, container or instance metadata), never from the configuration, and are
 * never printed.
 *
 * <p>Shipped as a drop-in folder {@code plugins/tier-s3/} of the runtime image (this jar and the SDK's), which
 * the plug-in host loads as its own module layer: the SDK's jars are automatic modules, which jlink cannot link.
 */
public final class S3TierBackend implements TierBackend {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public S3TierBackend() {
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String description() {
        return "objects in an S3 bucket or an S3-compatible store (AWS SDK v2)";
    }

    @Override
    public Map<String, String> settings() {
        return S3Settings.DESCRIPTIONS;
    }

    @Override
    public TierStore open(String tierName, Map<String, String> settings) throws IOException {
        S3Settings parsed;
        try {
            parsed = S3Settings.parse(tierName, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return S3TierStore.open(parsed);
    }
}
