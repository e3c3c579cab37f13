/**
 * {@code textvae bench}: speed and memory figures that anyone can re-run. Each measurement runs in
 * its own JVM so that its peak RSS is its own.
 */
package org.textvae.bench;
