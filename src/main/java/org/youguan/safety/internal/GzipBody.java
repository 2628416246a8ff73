package org.youguan.safety.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

import org.youguan.kernel.InvalidValueException;

/**
 * A gzip body undone (RFC 1952), member after member: a file of several gzip members one after another (what
 * {@code cat a.gz b.gz} or a parallel gzip writes) is their contents one after another, and anything after the last
 * member that is no gzip member — stray bytes, zero padding — refuses the body (field {@code body}, rule
 * {@code gzip-trailing}) instead of being dropped. {@link java.util.zip.GZIPInputStream} ignored such bytes, and it
 * looked for a next member only among the bytes already received, so a second member still on its way was lost too.
 * Each member's CRC-32 and length are checked ({@link ZipException} when wrong); a body that ends inside a member is
 * an {@link EOFException}.
 */
final class GzipBody extends InputStream {

	private static final int FHCRC = 2;

	private static final int FEXTRA = 4;

	private static final int FNAME = 8;

	private static final int FCOMMENT = 16;

	private final InputStream in;

	private final byte[] buf = new byte[64 * 1024];

	/** The next unread byte of {@link #buf} and the end of what it holds. */
	private int pos;

	private int lim;

	private final Inflater inflater = new Inflater(true);

	private final CRC32 crc = new CRC32();

	private boolean eof;

	/**
	 * Reads the first member's header.
	 * @param in the body, starting with the gzip magic bytes
	 * @throws ZipException when it is no gzip header; {@link EOFException} when the body ends inside it
	 */
	GzipBody(InputStream in) throws IOException {
		this.in = in;
		header(true);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		while (!eof) {
			if (inflater.needsInput()) {
				// the bytes read past a header first, then more of the body
				if (pos == lim && !fill()) {
					throw new EOFException("gzip数据在结尾前中断");
				}
				inflater.setInput(buf, pos, lim - pos);
				pos = lim;
			}
			int n;
			try {
				n = inflater.inflate(b, off, len);
			}
			catch (DataFormatException ex) {
				throw new ZipException("gzip数据已损坏");
			}
			if (n > 0) {
				crc.update(b, off, n);
				return n;
			}
			if (inflater.finished()) {
				pos = lim - inflater.getRemaining();
				trailer();
				next();
			}
			else if (inflater.needsDictionary()) {
				throw new ZipException("gzip数据已损坏");
			}
		}
		return -1;
	}

	/** After a member: the end of the body, or the next member's header; anything else refuses the body. */
	private void next() throws IOException {
		if (pos == lim && !fill()) {
			eof = true;
			return;
		}
		if ((buf[pos] & 0xff) != 0x1f || pos + 1 == lim && !fill() || (buf[pos + 1] & 0xff) != 0x8b) {
			throw trailing();
		}
		header(false);
		inflater.reset();
		crc.reset();
	}

	private static InvalidValueException trailing() {
		return new InvalidValueException("body", "gzip-trailing", "请求体的gzip数据之后还有不属于gzip数据的字节（文件末尾多余或损坏），"
				+ "该批次未记录：请重新压缩后上报（多个gzip成员依次相连是允许的）");
	}

	/** The member's CRC-32 and length (mod 2³²) as its trailer gives them. */
	private void trailer() throws IOException {
		long sum = uint32();
		long size = uint32();
		if (sum != crc.getValue() || size != (inflater.getBytesWritten() & 0xffffffffL)) {
			throw new ZipException("gzip数据校验失败");
		}
	}

	private void header(boolean first) throws IOException {
		if (byte1() != 0x1f || byte1() != 0x8b || byte1() != 8) {
			throw new ZipException(first ? "不是gzip数据" : "gzip成员头无效");
		}
		int flags = byte1();
		skip(6);
		if ((flags & FEXTRA) != 0) {
			skip(byte1() | byte1() << 8);
		}
		if ((flags & FNAME) != 0) {
			while (byte1() != 0) {
				// the original file name, not needed
			}
		}
		if ((flags & FCOMMENT) != 0) {
			while (byte1() != 0) {
				// a comment, not needed
			}
		}
		if ((flags & FHCRC) != 0) {
			skip(2);
		}
	}

	private long uint32() throws IOException {
		return (long) byte1() | (long) byte1() << 8 | (long) byte1() << 16 | (long) byte1() << 24;
	}

	private void skip(int n) throws IOException {
		for (int i = 0; i < n; i++) {
			byte1();
		}
	}

	/** The next byte outside the inflater's data; the end of the body there is an {@link EOFException}. */
	private int byte1() throws IOException {
		if (pos == lim && !fill()) {
			throw new EOFException("gzip数据在结尾前中断");
		}
		return buf[pos++] & 0xff;
	}

	/** Reads more of the body into the buffer, keeping its unread bytes (at most one); false at the body's end. */
	private boolean fill() throws IOException {
		if (pos > 0 && pos < lim) {
			System.arraycopy(buf, pos, buf, 0, lim - pos);
		}
		lim -= pos;
		pos = 0;
		int n = in.read(buf, lim, buf.length - lim);
		if (n < 0) {
			return false;
		}
		lim += n;
		return true;
	}

	@Override
	public void close() throws IOException {
		inflater.end();
		in.close();
	}
}
