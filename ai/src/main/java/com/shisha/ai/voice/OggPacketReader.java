package com.shisha.ai.voice;

import com.shisha.core.voice.VoiceNoteException;
import com.shisha.core.voice.VoiceNoteException.Kind;

import java.io.ByteArrayOutputStream;

/**
 * Reads the packets of the first logical stream of an OGG file (RFC 3533), one at a time, so a caller can stop
 * early. Packets may span pages; page CRCs are checked, so a damaged file fails here with a reason instead of
 * feeding garbage to the codec. Pages of other logical streams (rare in voice notes) are skipped.
 */
final class OggPacketReader {

    private static final int HEADER = 27;
    private static final int[] CRC = crcTable();

    private final byte[] data;
    private int offset;
    private int serial;
    private boolean serialKnown;

    // the page being read
    private int segmentCount;
    private int segmentIndex;
    private int segmentTable;
    private int bodyOffset;
    private long granule;
    private boolean lastPage;

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean inPacket;

    OggPacketReader(byte[] data) {
        this.data = data;
    }

    /** The next complete packet, or null at the end of the stream. */
    byte[] next() {
        while (true) {
            if (segmentIndex >= segmentCount) {
                if (lastPage || !readPage()) {
                    if (inPacket) {
                        throw failed("the file ends inside a packet (truncated)");
                    }
                    return null;
                }
                continue;
            }
            int length = data[segmentTable + segmentIndex] & 0xFF;
            partial.write(data, bodyOffset, length);
            bodyOffset += length;
            segmentIndex++;
            inPacket = true;
            if (length < 255) {
                inPacket = false;
                byte[] packet = partial.toByteArray();
                partial.reset();
                return packet;
            }
        }
    }

    /** Granule position of the page the last packet ended on: for Opus, 48 kHz samples including pre-skip. */
    long granule() {
        return granule;
    }

    /** Whether the page of the last packet was flagged end-of-stream. */
    boolean endOfStream() {
        return lastPage && segmentIndex >= segmentCount;
    }

    private boolean readPage() {
        while (offset < data.length) {
            if (data.length - offset < HEADER) {
                throw failed("truncated page header at byte " + offset);
            }
            if (data[offset] != 'O' || data[offset + 1] != 'g' || data[offset + 2] != 'g' || data[offset + 3] != 'S') {
                throw failed("no OGG page at byte " + offset);
            }
            if (data[offset + 4] != 0) {
                throw failed("unknown OGG version " + data[offset + 4]);
            }
            int flags = data[offset + 5];
            long pageGranule = le64(offset + 6);
            int pageSerial = le32(offset + 14);
            int expectedCrc = le32(offset + 22);
            int segments = data[offset + 26] & 0xFF;
            int table = offset + HEADER;
            if (table + segments > data.length) {
                throw failed("truncated segment table at byte " + offset);
            }
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += data[table + i] & 0xFF;
            }
            int pageLength = HEADER + segments + bodyLength;
            if (offset + pageLength > data.length) {
                throw failed("truncated page at byte " + offset + " (needs " + pageLength + " bytes, " + (data.length - offset) + " left)");
            }
            if (crc(offset, pageLength) != expectedCrc) {
                throw failed("page checksum mismatch at byte " + offset);
            }
            int pageStart = offset;
            offset += pageLength;
            if (!serialKnown) {
                serial = pageSerial;
                serialKnown = true;
            } else if (pageSerial != serial) {
                continue;
            }
            boolean continued = (flags & 0x01) != 0;
            if (continued != inPacket) {
                // a lost page: the continuation flag disagrees with whether we are inside a packet
                throw failed("page at byte " + pageStart + (continued ? " continues a packet that never started" : " misses a packet's continuation"));
            }
            segmentCount = segments;
            segmentIndex = 0;
            segmentTable = table;
            bodyOffset = table + segments;
            granule = pageGranule;
            lastPage = (flags & 0x04) != 0;
            return true;
        }
        return false;
    }

    private int crc(int start, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int b = (i >= 22 && i < 26) ? 0 : data[start + i] & 0xFF; // the CRC field counts as zero
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ b) & 0xFF];
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int j = 0; j < 8; j++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }

    /** The OGG CRC of a page whose checksum field is zero; for building pages in tests. */
    static int checksum(byte[] page) {
        return new OggPacketReader(page).crc(0, page.length);
    }

    private int le32(int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }

    private long le64(int at) {
        return (le32(at) & 0xFFFFFFFFL) | ((long) le32(at + 4)) << 32;
    }

    private static VoiceNoteException failed(String reason) {
        return new VoiceNoteException(Kind.FAILED, "corrupt OGG: " + reason);
    }
}
