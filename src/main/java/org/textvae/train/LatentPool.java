package org.textvae.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * The last few thousand latent codes of a run, for FactorVAE's discriminator to learn q(z) from.
 *
 * <p>A training batch alone is a poor sample of q(z): batches are bucketed by length, so every code
 * in one comes from sentences of one length. Whatever dependence between dimensions the length
 * causes (and length is what a sentence VAE encodes first) is invisible inside such a batch, and
 * shuffling its dimensions changes nothing the discriminator could see. Codes pooled over recent
 * batches mix the lengths as the corpus does.
 *
 * <p>A ring buffer of plain floats: old codes are overwritten, and the whole pool goes into
 * checkpoints so that a resumed run draws what the uninterrupted one would.
 */
final class LatentPool {

    private final int capacity;
    private final int width;
    private final float[] rows;
    private int size;
    private int next;

    LatentPool(int capacity, int width) {
        if (capacity <= 0 || width <= 0) {
            throw new IllegalArgumentException("capacity and width must be positive");
        }
        this.capacity = capacity;
        this.width = width;
        this.rows = new float[capacity * width];
    }

    /** Adds codes laid out row after row, {@code width} floats each, evicting the oldest. */
    void add(float[] codes) {
        if (codes.length % width != 0) {
            throw new IllegalArgumentException(
                    codes.length + " floats are not rows of " + width + " dimensions");
        }
        for (int start = 0; start < codes.length; start += width) {
            System.arraycopy(codes, start, rows, next * width, width);
            next = (next + 1) % capacity;
            size = Math.min(size + 1, capacity);
        }
    }

    /** {@code count} codes drawn uniformly with replacement, row after row. */
    float[] draw(int count, RandomGenerator random) {
        if (size == 0) {
            throw new IllegalStateException("the pool is empty");
        }
        float[] out = new float[count * width];
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows, random.nextInt(size) * width, out, i * width, width);
        }
        return out;
    }

    int size() {
        return size;
    }

    int width() {
        return width;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(capacity);
            out.writeInt(width);
            out.writeInt(size);
            out.writeInt(next);
            for (int i = 0; i < size * width; i++) {
                out.writeFloat(rows[i]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #encode} wrote. */
    static LatentPool decode(byte[] encoded) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            LatentPool pool = new LatentPool(in.readInt(), in.readInt());
            int size = in.readInt();
            int next = in.readInt();
            if (size < 0 || size > pool.capacity || next < 0 || next >= pool.capacity) {
                throw new IOException("pool bookkeeping out of range");
            }
            for (int i = 0; i < size * pool.width; i++) {
                pool.rows[i] = in.readFloat();
            }
            pool.size = size;
            pool.next = next;
            return pool;
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
