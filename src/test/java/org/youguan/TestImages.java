package org.youguan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Real images for upload tests: uploads read an image's header for its size, so a few magic bytes no longer pass.
 */
public final class TestImages {

	private TestImages() {
	}

	public static byte[] png(int width, int height) {
		return write("png", width, height);
	}

	public static byte[] jpeg(int width, int height) {
		return write("jpg", width, height);
	}

	/**
	 * A PNG whose header declares {@code width}×{@code height} but whose pixel data is one empty compressed block: a
	 * few hundred bytes that would take width×height×3 bytes to decode, the shape of an image bomb.
	 */
	public static byte[] pngHeaderOnly(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[0]);
		deflater.finish();
		byte[] idat = new byte[64];
		int n = deflater.deflate(idat);
		chunk(out, "IDAT", Arrays.copyOf(idat, n));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] write(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
