/**
 * Tier plug-in: S3 and S3-compatible stores through the AWS SDK for Java v2. The SDK's jars are automatic
 * modules, so this plug-in ships as a drop-in folder with them ({@code plugins/tier-s3/}) in its own module layer.
 */
module chronicle.plugin.tier.s3 {
    requires chronicle.storage;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http.urlconnection;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.http;

    provides chronicle.storage.spi.TierBackend with chronicle.plugin.tier.s3.S3TierBackend;
}
