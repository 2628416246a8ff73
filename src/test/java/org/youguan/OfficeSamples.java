package org.youguan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real files of the kinds people upload by mistake, built for upload tests: a Word, Excel and PowerPoint 97-2003 file
 * (an .xls written by POI's HSSF; a .doc and a .ppt as OLE2 compound files with their main stream, as POI's scratchpad
 * readers are not at hand offline), a bare OLE2 header, an .xlsx with an opening password (agile encryption, as Excel
 * writes it), a .docx, an all-ASCII PDF and a gzip of any of them.
 */
public final class OfficeSamples {

	private OfficeSamples() {
	}

	/** An Excel 97-2003 workbook (BIFF8 in an OLE2 file, stream {@code Workbook}). */
	public static byte[] xls() {
		try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("名单").createRow(0).createCell(0).setCellValue("名称");
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A Word 97-2003 document: an OLE2 file with its {@code WordDocument} and {@code 1Table} streams. */
	public static byte[] doc() {
		return ole2("WordDocument", "1Table");
	}

	/** A PowerPoint 97-2003 presentation: an OLE2 file with its {@code PowerPoint Document} and {@code Current User}. */
	public static byte[] ppt() {
		return ole2("PowerPoint Document", "Current User");
	}

	/** Only the eight-byte OLE2 signature and an empty header: a compound file of no known kind. */
	public static byte[] bareOle2() {
		byte[] ole2 = new byte[512];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		return ole2;
	}

	/** An .xlsx with an opening password: an OLE2 file holding {@code EncryptionInfo} and {@code EncryptedPackage}. */
	public static byte[] encryptedXlsx() {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream();
				XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream plain = new ByteArrayOutputStream()) {
			book.createSheet("名单").createRow(0).createCell(0).setCellValue("名称");
			book.write(plain);
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream os = encryptor.getDataStream(fs)) {
				os.write(plain.toByteArray());
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Word document (.docx) with one paragraph. */
	public static byte[] docx() {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("代码,名称");
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF of ASCII characters only (no binary comment line): it decodes as UTF-8 text. */
	public static byte[] asciiPdf() {
		return """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""".getBytes(StandardCharsets.US_ASCII);
	}

	/** The content gzip-compressed. */
	public static byte[] gzip(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] ole2(String... streams) {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String stream : streams) {
				fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
