package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.Consumer;

/**
 * Engine arrays made from Java values without leaving a direct buffer behind.
 *
 * <p>{@code NDManager.create(float[])} on the PyTorch engine copies the values into a fresh direct
 * {@code ByteBuffer} and wraps it in place, and the array keeps that buffer until the garbage
 * collector finds it. Per-batch arrays (token ids, masks, dropout masks) therefore held native
 * memory for as long as the young generation took to fill: a Penn Treebank run with dropout grew by
 * hundreds of megabytes that a full collection gave back. Here the values go through one reused
 * direct buffer per thread and the engine copies them out, so the returned array owns its memory
 * and closing it frees it.
 */
public final class HostArrays {

    /** Arrays larger than this go the engine's own way rather than pinning a buffer this big. */
    static final int STAGING_LIMIT_BYTES = 64 << 20;

    private static final ThreadLocal<ByteBuffer> STAGING = new ThreadLocal<>();

    private HostArrays() {}

    /** A float32 array of the given shape holding {@code values}. */
    public static NDArray floats(NDManager manager, float[] values, Shape shape) {
        requireCount(values.length, shape);
        return floats(manager, shape, buffer -> buffer.put(values), STAGING_LIMIT_BYTES);
    }

    /**
     * A float32 array of the given shape whose values {@code writer} puts, in row-major order, into
     * the buffer it is given; saves a Java array when the values are drawn one by one.
     */
    public static NDArray floats(NDManager manager, Shape shape, Consumer<FloatBuffer> writer) {
        return floats(manager, shape, writer, STAGING_LIMIT_BYTES);
    }

    /** An int64 array of the given shape holding {@code values}. */
    public static NDArray longs(NDManager manager, long[] values, Shape shape) {
        return longs(manager, values, shape, STAGING_LIMIT_BYTES);
    }

    static NDArray floats(
            NDManager manager, Shape shape, Consumer<FloatBuffer> writer, int limitBytes) {
        int count = Math.toIntExact(shape.size());
        int bytes = Math.multiplyExact(count, Float.BYTES);
        if (bytes > limitBytes) {
            float[] values = new float[count];
            FloatBuffer view = FloatBuffer.wrap(values);
            writer.accept(view);
            requireCount(view.position(), shape);
            return manager.create(values, shape);
        }
        ByteBuffer staging = staging(bytes);
        FloatBuffer view = staging.asFloatBuffer();
        writer.accept(view);
        requireCount(view.position(), shape);
        return copied(manager, staging, shape, DataType.FLOAT32);
    }

    static NDArray longs(NDManager manager, long[] values, Shape shape, int limitBytes) {
        requireCount(values.length, shape);
        int bytes = Math.multiplyExact(values.length, Long.BYTES);
        if (bytes > limitBytes) {
            return manager.create(values, shape);
        }
        ByteBuffer staging = staging(bytes);
        staging.asLongBuffer().put(values);
        return copied(manager, staging, shape, DataType.INT64);
    }

    private static void requireCount(long values, Shape shape) {
        if (values != shape.size()) {
            throw new IllegalArgumentException(
                    values + " values for shape " + shape + " of " + shape.size());
        }
    }

    /** The thread's staging buffer, at least {@code bytes} long, limited to exactly that. */
    private static ByteBuffer staging(int bytes) {
        ByteBuffer buffer = STAGING.get();
        if (buffer == null || buffer.capacity() < bytes) {
            int capacity = Math.max(4096, Integer.highestOneBit(Math.max(1, bytes - 1)) << 1);
            buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
            STAGING.set(buffer);
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    private static NDArray copied(
            NDManager manager, ByteBuffer staging, Shape shape, DataType type) {
        // The wrapped array reads the staging buffer in place; its duplicate owns a copy.
        try (NDArray inPlace = manager.create(staging, shape, type)) {
            return inPlace.duplicate();
        }
    }
}
