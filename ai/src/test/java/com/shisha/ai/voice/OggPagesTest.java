package com.shisha.ai.voice;

import com.shisha.core.voice.VoiceNoteException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OGG layer on hand-built pages: cases opusenc does not produce for short notes. */
class OggPagesTest {

    @Test
    void aPacketSpanningThreePagesComesOutWhole() {
        byte[] big = new byte[700];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        // 700 bytes = segments 255, 255, 190; split 255 | 255 | 190 over three pages, then a small packet
        byte[] stream = concat(
                page(0x02, -1, 1, 0, Arrays.copyOfRange(big, 0, 255)),
                page(0x01, -1, 1, 1, Arrays.copyOfRange(big, 255, 510)),
                pageOfPackets(0x01, 960, 1, 2, new int[]{190, 3}, concat(Arrays.copyOfRange(big, 510, 700), new byte[]{7, 8, 9})));

        OggPacketReader reader = new OggPacketReader(stream);

        assertThat(reader.next()).isEqualTo(big);
        assertThat(reader.granule()).isEqualTo(960);
        assertThat(reader.next()).containsExactly(7, 8, 9);
        assertThat(reader.next()).isNull();
    }

    @Test
    void aLostMiddlePageIsNoticed() {
        byte[] big = new byte[600];
        byte[] stream = concat(
                page(0x02, -1, 1, 0, Arrays.copyOfRange(big, 0, 255)),
                // the page with bytes 255..509 is missing: the next page continues, but the reader is mid-packet
                pageOfPackets(0x00, 960, 1, 2, new int[]{3}, new byte[]{1, 2, 3}));

        assertThatThrownBy(() -> new OggPacketReader(stream).next())
                .isInstanceOf(VoiceNoteException.class)
                .hasMessageContaining("continuation");
    }

    @Test
    void pagesOfAnotherLogicalStreamAreSkipped() {
        byte[] stream = concat(
                page(0x02, 0, 1, 0, new byte[]{1}),
                page(0x02, 0, 2, 0, new byte[]{9, 9}),
                page(0x04, 0, 1, 1, new byte[]{2}));

        OggPacketReader reader = new OggPacketReader(stream);

        assertThat(reader.next()).containsExactly(1);
        assertThat(reader.next()).containsExactly(2);
        assertThat(reader.next()).isNull();
    }

    /** One page; a body of n*255 bytes leaves its packet open for the next page. */
    static byte[] page(int flags, long granule, int serial, int sequence, byte[] body) {
        int full = body.length / 255;
        int rest = body.length % 255;
        boolean open = rest == 0 && body.length > 0;
        int[] lacing = new int[full + (open ? 0 : 1)];
        Arrays.fill(lacing, 0, full, 255);
        if (!open) {
            lacing[full] = rest;
        }
        return build(flags, granule, serial, sequence, lacing, body);
    }

    /** One page with the given packet lengths (each under 255). */
    static byte[] pageOfPackets(int flags, long granule, int serial, int sequence, int[] lengths, byte[] body) {
        return build(flags, granule, serial, sequence, lengths, body);
    }

    private static byte[] build(int flags, long granule, int serial, int sequence, int[] lacing, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(27 + lacing.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("OggS".getBytes()).put((byte) 0).put((byte) flags).putLong(granule).putInt(serial).putInt(sequence)
                .putInt(0).put((byte) lacing.length);
        for (int l : lacing) {
            b.put((byte) l);
        }
        b.put(body);
        byte[] page = b.array();
        ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, OggPacketReader.checksum(page));
        return page;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
