package org.youguan.safety.internal.ledgers;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.TestImages;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.PdfFiles;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hazard's rectification evidence is checked by content and held to a total per hazard (attack on the safety
 * module): an image with bytes appended after its end (a PNG after IEND, a JPEG after EOI) or cut short or that does
 * not decode is refused — in the shared upload check, so every upload path refuses it —, and a hazard keeps at most
 * {@code youguan.safety.max-evidence-files} files of at most {@code youguan.safety.max-evidence-total-bytes} in all,
 * counting what it keeps and what a request brings; 400 naming {@code files} and the rule, nothing saved.
 */
@IntegrationTest
class HazardEvidenceLimitsIntegrationTest {

	static final String SHUNFENG = HazardLedgerIntegrationTest.SHUNFENG;

	static final byte[] PNG = TestImages.png(4, 3);

	static final byte[] JPEG = TestImages.jpeg(4, 3);

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	Attachments attachments;

	@Autowired
	MutableClock clock;

	/** A new hazard of the enterprise (its own self-check), by its token. */
	long hazard() throws Exception {
		String body = mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"" + LocalDate.now(clock) + "\",\"foundBy\":\"企业安全员\",\"description\":\"佐证上限测试"
					+ RandomDigits.of(8) + "\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("\\D", ""));
	}

	static byte[] joined(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder rectify(long id, MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/safety/hazards/{id}/rectification", id);
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return request;
	}

	@Test
	void anImageWithBytesAfterItsEndOrThatDoesNotDecodeIsRefusedNamingTheRule() throws Exception {
		long id = hazard();
		byte[] script = "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0 };
		for (MockMultipartFile bad : List.of(new MockMultipartFile("files", "整改.png", "image/png", joined(PNG, script)),
				new MockMultipartFile("files", "整改.jpg", "image/jpeg", joined(JPEG, zip)),
				new MockMultipartFile("files", "整改.jpg", "image/jpeg", joined(JPEG, JPEG, script)))) {
			mvc.perform(rectify(id, bad).header("Authorization", SHUNFENG))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("files"))
				.andExpect(jsonPath("$.errors[0].rule").value("image-trailing"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("在图片结束后还附有")));
		}
		// cut short, or a damaged chunk: the image does not decode
		byte[] corrupt = PNG.clone();
		corrupt[45] ^= 0x55;
		for (byte[] damaged : List.of(Arrays.copyOf(PNG, PNG.length - 6), Arrays.copyOf(JPEG, JPEG.length - 2), corrupt)) {
			mvc.perform(rectify(id, new MockMultipartFile("files", "整改.png", "image/png", damaged))
				.header("Authorization", SHUNFENG))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("files"))
				.andExpect(jsonPath("$.errors[0].rule").value("image"));
		}
		assertThat(hazards.evidence(id)).as("nothing saved").isEmpty();
		// whole images pass, and so does a phone's photo with a further whole JPEG after its EOI (a multi-picture file)
		mvc.perform(rectify(id, new MockMultipartFile("files", "整改.png", "image/png", PNG),
				new MockMultipartFile("files", "整改.jpg", "image/jpeg", JPEG),
				new MockMultipartFile("files", "多图.jpg", "image/jpeg", joined(JPEG, JPEG))).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evidence.length()").value(3));
	}

	/** The shared check of every upload (filing materials, complaint evidence …), not the hazard's alone. */
	@Test
	void everyUploadPathRefusesAnImageWithBytesAfterItsEnd() {
		UploadedFile appended = new UploadedFile("营业执照.png", joined(PNG, PdfFiles.blankPage()));
		assertThatThrownBy(() -> attachments.check(appended, "businessLicence", "营业执照", 1 << 20))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors().get(0).field()).isEqualTo("businessLicence");
				assertThat(e.fieldErrors().get(0).rule()).isEqualTo("image-trailing");
			});
		assertThat(attachments.check(new UploadedFile("营业执照.png", PNG), "businessLicence", "营业执照", 1 << 20))
			.isEqualTo("image/png");
	}

	@Test
	void aHazardKeepsAtMostTheConfiguredNumberOfFiles() throws Exception {
		long id = hazard();
		MockMultipartFile[] twenty = new MockMultipartFile[20];
		Arrays.fill(twenty, new MockMultipartFile("files", "整改.png", "image/png", PNG));
		// one request of more files than a hazard keeps
		MockMultipartFile[] many = Arrays.copyOf(twenty, 21);
		many[20] = new MockMultipartFile("files", "整改.jpg", "image/jpeg", JPEG);
		mvc.perform(rectify(id, many).header("Authorization", SHUNFENG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"))
			.andExpect(jsonPath("$.errors[0].rule").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value("整改佐证材料每个隐患最多20份：已有0份，本次上传21份"));
		assertThat(hazards.evidence(id)).isEmpty();
		mvc.perform(rectify(id, Arrays.copyOf(twenty, 19)).header("Authorization", SHUNFENG)).andExpect(status().isOk());
		// many requests: what the hazard keeps counts
		mvc.perform(rectify(id, twenty[0], twenty[1]).header("Authorization", SHUNFENG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value("整改佐证材料每个隐患最多20份：已有19份，本次上传2份"));
		mvc.perform(rectify(id, twenty[0]).header("Authorization", SHUNFENG)).andExpect(status().isOk());
		assertThat(hazards.evidence(id)).hasSize(20);
		// closing with one more file is held to the same room
		mvc.perform(multipart("/api/v1/safety/hazards/{id}/close", id).file(twenty[0])
			.param("closedOn", LocalDate.now(clock).toString()).param("closureNote", "复查合格")
			.header("Authorization", HazardLedgerIntegrationTest.WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"))
			.andExpect(jsonPath("$.errors[0].rule").value("count"));
		assertThat(hazards.get(org.youguan.kernel.DataScope.all(), id).closedOn()).as("nothing saved").isNull();
	}

	/** The bytes in all: what an owner keeps and what comes, against the total (the shared check, on the stored rows). */
	@Test
	void anOwnersFilesAreHeldToATotalOfBytes() throws Exception {
		long id = hazard();
		mvc.perform(rectify(id, new MockMultipartFile("files", "整改.pdf", "application/pdf", PdfFiles.blankPage()))
			.header("Authorization", SHUNFENG)).andExpect(status().isOk());
		AttachmentOwner owner = new AttachmentOwner(Hazards.MODULE, Hazards.OWNER, id);
		long kept = attachments.total(owner).bytes();
		assertThat(attachments.total(owner).files()).isEqualTo(1);
		assertThat(kept).isEqualTo(PdfFiles.blankPage().length);
		List<UploadedFile> adding = List.of(new UploadedFile("a.png", PNG));
		attachments.requireRoom(owner, adding, "files", "整改佐证材料", "隐患", 20, kept + PNG.length);
		assertThatThrownBy(() -> attachments.requireRoom(owner, adding, "files", "整改佐证材料", "隐患", 20,
				kept + PNG.length - 1))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors().get(0).field()).isEqualTo("files");
				assertThat(e.fieldErrors().get(0).rule()).isEqualTo("total-size");
				assertThat(e.getMessage()).startsWith("整改佐证材料每个隐患合计不超过");
			});
	}
}
