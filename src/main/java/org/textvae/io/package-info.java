/** File input and output shared by every package: atomic writes that survive a kill. */
package org.textvae.io;
