package chronicle.storage.spi;

/**
 * What a tier knows of one stored object.
 *
 * @param key      the object's key within its tier.
 * @param size     its length in bytes.
 * @param checksum its CRC32C as 8 lower-case hex digits ({@link TierChecksums}), or null when the tier does not
 *                 know it without reading the object.
 */
public record ObjectStat(String key, long size, String checksum) {
}
