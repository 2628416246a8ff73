package org.youguan.licensing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.InvalidValueException;
import org.youguan.licensing.Material;

/**
 * The files a licensing upload posts (application, 补正, a material added, the on-site verification's photos), read
 * whole: every file of a part is kept — several files of one material, each counted against the per-kind and
 * per-application limits the service checks ({@link LicensingSettings}) —, and a part of a name the upload does not take
 * is refused (400 naming it and the names it takes in Chinese), never silently dropped.
 */
final class LicensingUploads {

	private LicensingUploads() {
	}

	/**
	 * The files of a form by material: each part named after a material (BUSINESS_LICENCE …) with every file under it;
	 * inputs left empty skipped.
	 * @throws InvalidValueException (400 on {@code materials}, rule {@code unknown-part}) for a part named after no
	 *         material; (rule {@code empty}) for a chosen file of 0 bytes ({@link UploadedFile#chosen})
	 */
	static Map<Material, List<UploadedFile>> materials(MultiValueMap<String, MultipartFile> files) {
		Map<Material, List<UploadedFile>> result = new EnumMap<>(Material.class);
		for (Map.Entry<String, List<MultipartFile>> part : files.entrySet()) {
			Material m = Arrays.stream(Material.values()).filter(x -> x.name().equals(part.getKey())).findFirst()
				.orElseThrow(() -> new InvalidValueException("materials", "unknown-part", "未知的材料文件字段“" + part.getKey()
						+ "”：材料文件字段名应为" + String.join("、", Arrays.stream(Material.values())
							.map(x -> x.name() + "（" + x.label() + "）").toList()) + "之一"));
			List<UploadedFile> chosen = new ArrayList<>();
			for (MultipartFile f : part.getValue()) {
				if (UploadedFile.chosen(f)) {
					chosen.add(read(f));
				}
			}
			if (!chosen.isEmpty()) {
				result.put(m, chosen);
			}
		}
		return result;
	}

	/**
	 * Refuses a file part of {@code parts} (every file part the request posted) other than {@code allowed} (their Chinese
	 * names in {@code labels}, in the same order).
	 * @throws InvalidValueException (400 on the first allowed part, rule {@code unknown-part}, naming the part)
	 */
	static void onlyParts(MultiValueMap<String, MultipartFile> parts, List<String> allowed, List<String> labels) {
		Set<String> known = Set.copyOf(allowed);
		for (String name : parts.keySet()) {
			if (!known.contains(name)) {
				List<String> named = new ArrayList<>();
				for (int i = 0; i < allowed.size(); i++) {
					named.add(allowed.get(i) + "（" + labels.get(i) + "）");
				}
				throw new InvalidValueException(allowed.get(0), "unknown-part", "未知的文件字段“" + name + "”：本项只接受" + String.join("、", named));
			}
		}
	}

	static UploadedFile read(MultipartFile f) {
		try {
			return new UploadedFile(f.getOriginalFilename(), f.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
