package chronicle.plugin.tier.s3;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalS3} for the tests of a class: started before the first, stopped after the last. Register it as
 * a static field: {@code @RegisterExtension static final LocalS3Extension S3 = new LocalS3Extension();}.
 */
final class LocalS3Extension implements BeforeAllCallback, AfterAllCallback {

    private LocalS3 s3;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        s3 = LocalS3.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        s3.close();
    }

    /** @return the running service. */
    LocalS3 get() {
        return s3;
    }
}
