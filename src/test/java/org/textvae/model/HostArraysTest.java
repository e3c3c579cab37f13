package org.textvae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Arrays staged through one reused buffer: right values, owned memory, no buffer per call. */
class HostArraysTest {

    @Test
    void arraysHoldTheirValuesShapeAndType() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] floats = {1.5f, -2f, 0f, 3.25f, 7f, -0.5f};
            NDArray a = HostArrays.floats(manager, floats, new Shape(2, 3));
            assertEquals(new Shape(2, 3), a.getShape());
            assertEquals(DataType.FLOAT32, a.getDataType());
            assertArrayEquals(floats, a.toFloatArray());

            long[] longs = {4, 8, 15, 16, 23, 42};
            NDArray b = HostArrays.longs(manager, longs, new Shape(3, 2));
            assertEquals(new Shape(3, 2), b.getShape());
            assertEquals(DataType.INT64, b.getDataType());
            assertArrayEquals(longs, b.toLongArray());

            NDArray c =
                    HostArrays.floats(
                            manager, new Shape(4), buffer -> buffer.put(new float[] {1, 2, 3, 4}));
            assertArrayEquals(new float[] {1, 2, 3, 4}, c.toFloatArray());
        }
    }

    @Test
    void eachArrayOwnsACopyThatLaterCallsDoNotOverwrite() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray first = HostArrays.floats(manager, new float[] {1, 2, 3}, new Shape(3));
            NDArray second = HostArrays.floats(manager, new float[] {9, 8, 7}, new Shape(3));
            NDArray ids = HostArrays.longs(manager, new long[] {5, 6, 7}, new Shape(3));
            assertArrayEquals(new float[] {1, 2, 3}, first.toFloatArray());
            assertArrayEquals(new float[] {9, 8, 7}, second.toFloatArray());
            assertArrayEquals(new long[] {5, 6, 7}, ids.toLongArray());
        }
    }

    @Test
    void arraysBelongToTheManagerTheyWereMadeIn() {
        NDArray array;
        try (NDManager outer = NDManager.newBaseManager()) {
            try (NDManager inner = outer.newSubManager()) {
                array = HostArrays.longs(inner, new long[] {1, 2}, new Shape(2));
                assertEquals(inner, array.getManager());
                assertFalse(array.isReleased());
            }
            assertTrue(array.isReleased(), "closing its manager frees the array");
        }
    }

    @Test
    void arraysAboveTheStagingLimitStillComeOutRight() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] floats = {1, 2, 3, 4};
            long[] longs = {10, 20, 30, 40};
            NDArray a = HostArrays.floats(manager, new Shape(2, 2), b -> b.put(floats), 8);
            NDArray b = HostArrays.longs(manager, longs, new Shape(4), 8);
            assertArrayEquals(floats, a.toFloatArray());
            assertArrayEquals(longs, b.toLongArray());
        }
    }

    @Test
    void aWriterOrValuesThatDoNotFillTheShapeAreRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> HostArrays.floats(manager, new Shape(3), b -> b.put(1f)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> HostArrays.longs(manager, new long[] {1, 2}, new Shape(3)));
        }
    }

    /**
     * The reason for the class: the engine's own {@code create} leaves one direct buffer per call
     * for the garbage collector, which is how per-batch arrays held native memory.
     */
    @Test
    void aThousandArraysLeaveNoDirectBuffersBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            HostArrays.floats(manager, new float[256], new Shape(16, 16)).close(); // sizes it
            long before = directBuffers();
            for (int i = 0; i < 1000; i++) {
                HostArrays.floats(manager, new float[256], new Shape(16, 16)).close();
                HostArrays.longs(manager, new long[16], new Shape(16)).close();
            }
            long after = directBuffers();
            assertTrue(after - before <= 2, "direct buffers went from " + before + " to " + after);

            // For contrast, so this test can tell the two apart: the engine's arrays, left open,
            // each hold a buffer; staged ones, left open, hold none.
            long engineBefore = directBuffers();
            for (int i = 0; i < 50; i++) {
                manager.create(new float[256], new Shape(16, 16));
            }
            assertTrue(directBuffers() - engineBefore >= 50, "the engine's create keeps a buffer");
            long stagedBefore = directBuffers();
            for (int i = 0; i < 50; i++) {
                HostArrays.floats(manager, new float[256], new Shape(16, 16));
            }
            assertTrue(directBuffers() <= stagedBefore, "staged arrays hold no buffer");
        }
    }

    private static long directBuffers() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getCount();
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }
}
