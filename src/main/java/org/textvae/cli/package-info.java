/**
 * The {@code textvae} command line: thin picocli commands that parse options and delegate to the
 * library packages. {@link org.textvae.cli.Main} maps errors to documented exit codes.
 */
package org.textvae.cli;
