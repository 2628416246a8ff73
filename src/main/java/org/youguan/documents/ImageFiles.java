package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.youguan.kernel.InvalidValueException;

/**
 * An uploaded JPEG or PNG is one whole image and nothing else: its bytes end where the image ends, and its content
 * decodes. Read by the format's own structure, not by a library that stops at what it needs:
 * <ul>
 * <li>PNG (ISO/IEC 15948 §5.3): chunk after chunk, each of its declared length within the file and with its CRC right,
 * up to IEND — the file must end with IEND's CRC;</li>
 * <li>JPEG (ITU-T T.81 Annex B): marker segment after marker segment by their lengths, the entropy-coded data of each
 * scan up to the next marker, up to EOI — the file must end there, or go on with further whole JPEG images only: the
 * images a phone appends after its photo's EOI (CIPA DC-007 multi-picture files, a gain map) are JPEGs read alike.</li>
 * </ul>
 * Then the image is decoded whole (its pixels read, every scan, at a reduced size so that memory stays small): a
 * JPEG whose data the decoder finds corrupt or short (a warning of the decoder counts, but for the stray bytes before
 * a marker some cameras write) or a PNG whose compressed data does not inflate is refused. The check was the header alone: any bytes after IEND or EOI — a second file, a script,
 * an archive — were kept and served as the image (attack on the 隐患 evidence).
 */
final class ImageFiles {

	/** The pixels at most an image is decoded into for the check (its sides subsampled to stay below). */
	private static final long CHECK_PIXELS = 1_000_000;

	private ImageFiles() {
	}

	/**
	 * Refuses a JPEG or PNG that is not one whole image.
	 * @param content the file (a JPEG or PNG by its signature, checked before)
	 * @param png whether it is a PNG (else a JPEG)
	 * @param field the form or API field
	 * @param label the file as the message names it ("整改佐证材料“a.png”")
	 * @throws InvalidValueException on {@code field}: rule {@code image-trailing} for bytes after the image's end
	 *         ("图片结束后还附有N字节的其他数据"), rule {@code image} for an image cut short, with a damaged chunk or
	 *         segment, or whose content does not decode
	 */
	static void requireWhole(byte[] content, boolean png, String field, String label) {
		int end = png ? pngEnd(content, field, label) : jpegEnd(content, 0, field, label);
		while (!png && end < content.length && startsJpeg(content, end)) {
			end = jpegEnd(content, end, field, label);
		}
		if (end < content.length) {
			throw new InvalidValueException(field, "image-trailing", label + "在图片结束后还附有" + (content.length - end)
					+ "字节的其他数据，不是单纯的图片文件；请上传相机或扫描仪生成的原始图片，或重新导出后再上传");
		}
		decode(content, png, field, label);
	}

	/** Where a PNG ends: the byte after IEND's CRC. */
	private static int pngEnd(byte[] c, String field, String label) {
		int at = 8;
		CRC32 crc = new CRC32();
		while (true) {
			if (at + 12 > c.length) {
				throw damaged(field, label, "图片数据不完整（缺少结束标记IEND）");
			}
			long length = u32(c, at);
			if (length > c.length - at - 12L) {
				throw damaged(field, label, "图片数据不完整或已损坏（数据块长度超出文件）");
			}
			int n = (int) length;
			crc.reset();
			crc.update(c, at + 4, 4 + n);
			if (crc.getValue() != u32(c, at + 8 + n)) {
				throw damaged(field, label, "图片已损坏（数据块校验不符）");
			}
			boolean iend = c[at + 4] == 'I' && c[at + 5] == 'E' && c[at + 6] == 'N' && c[at + 7] == 'D';
			at += 12 + n;
			if (iend) {
				return at;
			}
		}
	}

	/** Where the JPEG that starts at {@code start} ends: the byte after its EOI. */
	private static int jpegEnd(byte[] c, int start, String field, String label) {
		int at = start + 2;
		while (true) {
			if (at >= c.length || (c[at] & 0xff) != 0xFF) {
				throw damaged(field, label, "图片数据不完整或已损坏（缺少结束标记EOI）");
			}
			while (at < c.length && (c[at] & 0xff) == 0xFF) {
				at++; // fill bytes before a marker
			}
			if (at >= c.length) {
				throw damaged(field, label, "图片数据不完整（缺少结束标记EOI）");
			}
			int marker = c[at++] & 0xff;
			if (marker == 0xD9) {
				return at;
			}
			if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
				continue; // TEM and RSTn stand alone
			}
			if (marker == 0x00 || marker == 0xD8 || at + 2 > c.length) {
				throw damaged(field, label, "图片数据已损坏（标记无效）");
			}
			int length = (c[at] & 0xff) << 8 | c[at + 1] & 0xff;
			if (length < 2 || at + length > c.length) {
				throw damaged(field, label, "图片数据不完整或已损坏（段长度超出文件）");
			}
			at += length;
			if (marker == 0xDA) {
				// the scan's entropy-coded data runs to the next marker: FF followed by neither 00 (a stuffed FF) nor RSTn
				while (true) {
					if (at + 1 >= c.length) {
						throw damaged(field, label, "图片数据不完整（缺少结束标记EOI）");
					}
					int b = c[at + 1] & 0xff;
					if ((c[at] & 0xff) == 0xFF && b != 0x00 && !(b >= 0xD0 && b <= 0xD7) && b != 0xFF) {
						break;
					}
					at++;
				}
			}
		}
	}

	private static boolean startsJpeg(byte[] c, int at) {
		return at + 3 <= c.length && (c[at] & 0xff) == 0xFF && (c[at + 1] & 0xff) == 0xD8 && (c[at + 2] & 0xff) == 0xFF;
	}

	/**
	 * Decodes the (first) image whole at a reduced size; a failure or a decoder's warning (a JPEG's corrupt or short
	 * data, which the decoder would fill in grey) refuses it.
	 */
	private static void decode(byte[] content, boolean png, String field, String label) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw damaged(field, label, "无法识别图片内容");
			}
			ImageReader reader = readers.next();
			try {
				StringBuilder warnings = new StringBuilder();
				reader.addIIOReadWarningListener(new IIOReadWarningListener() {

					@Override
					public void warningOccurred(ImageReader source, String warning) {
						// a few stray bytes before a marker (some cameras write them) leave the image whole: not refused
						if (warning == null || !warning.contains("extraneous bytes")) {
							warnings.append(warning);
						}
					}
				});
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / CHECK_PIXELS)));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				if (!png && reader.canReadRaster()) {
					// a JPEG's samples as stored: a CMYK scan decodes as well as an RGB photo
					reader.readRaster(0, param);
				}
				else {
					reader.read(0, param);
				}
				if (!warnings.isEmpty()) {
					throw damaged(field, label, "图片数据已损坏，无法完整解码");
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidValueException invalid) {
				throw invalid;
			}
			throw damaged(field, label, "图片数据已损坏，无法完整解码");
		}
	}

	private static InvalidValueException damaged(String field, String label, String why) {
		return new InvalidValueException(field, "image", label + "：" + why + "，请重新拍摄或导出后上传");
	}

	private static long u32(byte[] c, int at) {
		return (c[at] & 0xffL) << 24 | (c[at + 1] & 0xffL) << 16 | (c[at + 2] & 0xffL) << 8 | c[at + 3] & 0xffL;
	}
}
