package chronicle.core.internal.journal;

/**
 * What a roll leaves to the writer's helper duties ({@link RollFinisher}).
 *
 * @param file     the ended segment's mapping, to seal and unmap.
 * @param index    its index writer, to flush and close.
 * @param seal     its header's seal fields, to write.
 * @param syncSeal write the sealed header through to the device (durability other than page cache).
 * @param next     the new segment's index writer whose header is still to be written, or null.
 * @param number   the new segment's number.
 * @param base     its base sequence.
 * @param interval records between index entries.
 */
record RetiredSegment(MappedFile file, SeekIndexWriter index, SegmentSeal seal, boolean syncSeal,
                      SeekIndexWriter next, long number, long base, int interval) {
}
