package org.youguan.documents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one attachment store (issue 12): files are checked by content, kept encrypted, served from one address only to
 * callers the owning module admits, with headers a browser cannot be tricked by; links issued before the move redirect;
 * files held for a failed form stay with their draft and holder and expire (issue 13 item 9).
 */
@IntegrationTest
class AttachmentsIntegrationTest {

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A filing of 顺丰 (吴中) from the demo city. */
	long wuzhongFiling() {
		return jdbc.sql("SELECT id FROM outlet_filing WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
	}

	/**
	 * Attack round 3: a PNG with HTML appended, sent as {@code a.html}, was kept and offered under that name. The name
	 * kept never contradicts the content: the content's extension is added where the name's is not one of its own.
	 */
	@Test
	void aFileIsKeptUnderANameWhoseExtensionIsItsContents() throws Exception {
		byte[] png = TestImages.png(40, 30);
		AttachmentOwner owner = new AttachmentOwner("filing", "outlet_filing", wuzhongFiling());
		Attachment disguised = attachments.store(owner, "PHOTO", new UploadedFile("a.html", png), "attachments.PHOTO",
				"场地照片", 5 * 1024 * 1024);
		assertThat(disguised.fileName()).isEqualTo("a.html.png");
		assertThat(jdbc.sql("SELECT file_name FROM attachment WHERE id = :id").param("id", disguised.id())
			.query(String.class).single()).isEqualTo("a.html.png");
		assertThat(mvc.perform(get(disguised.href()).session(SignIn.session(mvc, "wz.staff"))).andReturn().getResponse()
			.getHeader("Content-Disposition")).contains("a.html.png");

		assertThat(attachments.store(owner, "PHOTO", new UploadedFile("门头.PNG", png), "attachments.PHOTO", "场地照片",
				5 * 1024 * 1024).fileName()).isEqualTo("门头.PNG");
		assertThat(Attachments.storedName("扫描件", "image/jpeg")).isEqualTo("扫描件.jpg");
		assertThat(Attachments.storedName("a.png.", "image/png")).isEqualTo("a.png");
		assertThat(Attachments.storedName("a..", "image/png")).isEqualTo("a.png");
		assertThat(Attachments.storedName("照片.JPEG", "image/jpeg")).isEqualTo("照片.JPEG");
		assertThat(Attachments.storedName("录音.m4a", "audio/mp4")).isEqualTo("录音.m4a");
		assertThat(Attachments.storedName("决定书.pdf", "application/pdf")).isEqualTo("决定书.pdf");
		assertThat(Attachments.storedName("x".repeat(199) + ".exe", "application/pdf")).hasSize(200).endsWith(".exe.pdf");
	}

	@Test
	void aFileIsEncryptedAtRestAndServedOnlyToCallersTheOwningModuleAdmits() throws Exception {
		byte[] png = TestImages.png(40, 30);
		long filing = wuzhongFiling();
		Attachment a = attachments.store(new AttachmentOwner("filing", "outlet_filing", filing), "PHOTO",
				new UploadedFile("门头\"\r\nSet-Cookie: x=1.png", png), "attachments.PHOTO", "场地照片", 5 * 1024 * 1024);
		assertThat(a.contentType()).isEqualTo("image/png");
		assertThat(a.href()).isEqualTo("/attachments/" + a.id());

		byte[] stored = jdbc.sql("SELECT content_cipher FROM attachment WHERE id = :id").param("id", a.id())
			.query(byte[].class).single();
		assertThat(indexOf(stored, Arrays.copyOf(png, 16))).as("no clear PNG in the database").isNegative();

		var response = mvc.perform(get(a.href()).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png))
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn().getResponse();
		assertThat(response.getHeader("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
		assertThat(response.getHeader("Content-Disposition")).startsWith("inline;").contains("filename*=UTF-8''")
			.doesNotContain("\r").doesNotContain("\n").doesNotContain("\"\r");
		mvc.perform(get(a.href()).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk());
		mvc.perform(get(a.href()).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
		mvc.perform(get(a.href())).andExpect(status().is3xxRedirection());
	}

	@Test
	void aRangeRequestGetsOnlyTheBytesAskedForSoAPlayerCanSeek() throws Exception {
		byte[] png = TestImages.png(60, 40);
		Attachment a = attachments.store(new AttachmentOwner("filing", "outlet_filing", wuzhongFiling()), "PHOTO",
				new UploadedFile("门头.png", png), "attachments.PHOTO", "场地照片", 5 * 1024 * 1024);
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get(a.href()).session(staff)).andExpect(header().string("Accept-Ranges", "bytes"));
		mvc.perform(get(a.href()).session(staff).header("Range", "bytes=10-19"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 10-19/" + png.length))
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(Arrays.copyOfRange(png, 10, 20)));
		mvc.perform(get(a.href()).session(staff).header("Range", "bytes=" + png.length + "-"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + png.length))
			.andExpect(content().bytes(new byte[0]));
		// a malformed range, another unit, or ranges asking for the whole file or more together are ignored: the whole file
		for (String ignored : List.of("bytes=abc", "items=0-5", "bytes=9-0", "bytes=0-,0-", "bytes=0-" + (png.length / 2) + ",1-")) {
			mvc.perform(get(a.href()).session(staff).header("Range", ignored)).andExpect(status().isOk())
				.andExpect(content().bytes(png));
		}
		mvc.perform(get(a.href()).session(SignIn.session(mvc, "xc.staff")).header("Range", "bytes=0-9"))
			.andExpect(status().isNotFound());
	}

	/**
	 * RFC 9110 §14.2: a range set is satisfiable when one of its ranges is — the others are ignored and the satisfiable
	 * ones served, 206, one with its Content-Range, several as multipart/byteranges; 416 only when none is.
	 */
	@Test
	void theUnsatisfiableRangesOfASetAreIgnoredAndTheOthersServed() throws Exception {
		byte[] png = TestImages.png(60, 40);
		int n = png.length;
		Attachment a = attachments.store(new AttachmentOwner("filing", "outlet_filing", wuzhongFiling()), "PHOTO",
				new UploadedFile("门头.png", png), "attachments.PHOTO", "场地照片", 5 * 1024 * 1024);
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get(a.href()).session(staff).header("Range", "bytes=10-19," + n + "-," + (n + 5) + "-" + (n + 9)))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 10-19/" + n))
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(Arrays.copyOfRange(png, 10, 20)));
		for (String set : List.of("bytes=0-4," + n + "-,20-29", "bytes=0-4,20-29")) {
			var response = mvc.perform(get(a.href()).session(staff).header("Range", set))
				.andExpect(status().isPartialContent())
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().doesNotExist("Content-Range"))
				.andReturn().getResponse();
			String type = response.getContentType();
			assertThat(type).as(set).startsWith("multipart/byteranges;").contains("boundary=");
			String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
			String body = new String(response.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
			String bytes0to4 = new String(png, 0, 5, StandardCharsets.ISO_8859_1);
			String bytes20to29 = new String(png, 20, 10, StandardCharsets.ISO_8859_1);
			assertThat(body).as(set).isEqualTo("--" + boundary + "\r\nContent-Type: image/png\r\nContent-Range: bytes 0-4/" + n
					+ "\r\n\r\n" + bytes0to4 + "\r\n--" + boundary + "\r\nContent-Type: image/png\r\nContent-Range: bytes 20-29/"
					+ n + "\r\n\r\n" + bytes20to29 + "\r\n--" + boundary + "--\r\n");
		}
		// none satisfiable: 416
		mvc.perform(get(a.href()).session(staff).header("Range", "bytes=" + n + "-," + (n + 1) + "-" + (n + 9)))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + n))
			.andExpect(content().bytes(new byte[0]));
		// the satisfiable ones overlapping to the whole file or more: the whole file
		mvc.perform(get(a.href()).session(staff).header("Range", "bytes=0-," + n + "-,1-"))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png));
	}

	@Test
	void aFileOfAModuleWithoutAnAccessRuleIsNotServed() throws Exception {
		Attachment a = attachments.store(new AttachmentOwner("nobody", "thing", 1), "ANY",
				new UploadedFile("a.pdf", PdfFiles.blankPage()), "file", "文件", 1024);
		mvc.perform(get(a.href()).session(SignIn.session(mvc, "sys.admin"))).andExpect(status().isNotFound());
	}

	@Test
	void aFileWhoseContentIsNotAnImageOrPdfIsRefusedAndNothingStored() {
		long before = jdbc.sql("SELECT count(*) FROM attachment").query(Long.class).single();
		assertThatThrownBy(() -> attachments.store(new AttachmentOwner("filing", "outlet_filing", wuzhongFiling()), "PHOTO",
				new UploadedFile("photo.png", "<script>alert(1)</script>".getBytes()), "attachments.PHOTO", "场地照片", 1024))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("attachments.PHOTO");
						assertThat(e.rule()).isEqualTo("content-type");
					}));
		assertThatThrownBy(() -> attachments.store(new AttachmentOwner("filing", "outlet_filing", wuzhongFiling()), "PHOTO",
				new UploadedFile("big.png", TestImages.png(40, 30)), "attachments.PHOTO", "场地照片", 10))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("size"));
		assertThat(jdbc.sql("SELECT count(*) FROM attachment").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aLinkIssuedBeforeTheMoveRedirectsToTheOneAddress() throws Exception {
		long filing = wuzhongFiling();
		Attachment a = attachments.store(new AttachmentOwner("filing", "outlet_filing", filing), "PHOTO",
				new UploadedFile("旧链接.pdf", PdfFiles.blankPage()), "file", "文件", 1024);
		long legacy = 900_000 + a.id();
		jdbc.sql("UPDATE attachment SET legacy_id = :legacy WHERE id = :id").param("legacy", legacy).param("id", a.id()).update();
		mvc.perform(get("/filing/" + filing + "/attachments/" + legacy).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(redirectedUrl(a.href()));
		mvc.perform(get("/enterprise/filings/" + filing + "/attachments/" + legacy).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(redirectedUrl(a.href()));
		mvc.perform(get("/filing/" + (filing + 1) + "/attachments/" + legacy).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/complaints/" + filing + "/attachments/" + legacy).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isNotFound());
	}

	@Test
	void heldFilesBelongToTheirDraftAndHolderAreNeverServedAndExpire() throws Exception {
		String token = AttachmentDraft.newToken();
		AttachmentDraft draft = AttachmentDraft.of("filing", "outlet_filing", token, "sf.wz");
		Attachment held = attachments.hold(draft, "PHOTO", new UploadedFile("门头.png", TestImages.png(40, 30)),
				"attachments.PHOTO", "场地照片", 1024 * 1024);
		assertThat(attachments.held(draft)).extracting(Attachment::fileName).containsExactly("门头.png");
		assertThat(attachments.held(AttachmentDraft.of("filing", "outlet_filing", token, "someone.else"))).isEmpty();
		assertThat(AttachmentDraft.of("filing", "outlet_filing", "../../etc", "sf.wz").token()).matches("[0-9a-f]{32}");
		mvc.perform(get(held.href()).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isNotFound());

		clock.advance(Duration.ofHours(25));
		assertThat(attachments.held(draft)).as("past its hold").isEmpty();
		// the sweep itself, not the hourly job: the job's cluster lock (held a minute after any run, by any test context
		// on this database) would skip a call made within that minute
		attachments.removeExpired();
		assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE id = :id").param("id", held.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void attachingGivesTheHeldFilesTheirOwner() {
		AttachmentDraft draft = AttachmentDraft.of("filing", "outlet_filing", AttachmentDraft.newToken(), "sf.wz");
		attachments.hold(draft, "PHOTO", new UploadedFile("a.png", TestImages.png(4, 3)), "f", "文件", 1024 * 1024);
		Attachment released = attachments.hold(draft, "PHOTO", new UploadedFile("b.png", TestImages.png(4, 3)), "f", "文件",
				1024 * 1024);
		attachments.release(draft, released.id());
		long filing = wuzhongFiling();
		var owner = new AttachmentOwner("filing", "outlet_filing", filing);
		assertThat(attachments.attach(draft, owner)).extracting(Attachment::fileName).containsExactly("a.png");
		assertThat(attachments.held(draft)).isEmpty();
		assertThat(attachments.list(owner)).extracting(Attachment::fileName).contains("a.png").doesNotContain("b.png");
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
