// Prints kernel.HanVariants' two texts (traditional, then simplified, one line each) from ICU4J's
// "Traditional-Simplified" transliterator, one Han character of the Basic Multilingual Plane at a time, chains closed.
// ICU4J is no dependency of the application (15 MB); fetch the jar with the ordinary Maven client and run:
//   ./mvnw dependency:get -Dartifact=com.ibm.icu:icu4j:78.2
//   java -cp ~/.m2/repository/com/ibm/icu/icu4j/78.2/icu4j-78.2.jar tools/HanVariantsTable.java
// A change to the table needs a new migration of the SQL function enterprise_name_key (V253 holds the same texts).
import java.util.Map;
import java.util.TreeMap;

import com.ibm.icu.text.Transliterator;

public class HanVariantsTable {

	public static void main(String[] args) {
		Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
		Map<Character, Character> table = new TreeMap<>();
		for (int c = 0; c <= 0xFFFF; c++) {
			if (!Character.isDefined(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
				continue;
			}
			String written = simplify.transliterate(String.valueOf((char) c));
			if (written.length() == 1 && written.charAt(0) != c) {
				table.put((char) c, written.charAt(0));
			}
		}
		// a simplified character that is itself in the table (X → Y → Z): X is written as Z, so the key is idempotent
		table.replaceAll((from, to) -> {
			Character end = to;
			for (int i = 0; i < 5 && table.containsKey(end) && table.get(end) != end; i++) {
				end = table.get(end);
			}
			return end;
		});
		// a cycle (苎 → 苧 → 苎) leaves a character written as itself: no entry
		table.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
		StringBuilder from = new StringBuilder();
		StringBuilder to = new StringBuilder();
		table.forEach((f, t) -> {
			from.append(f);
			to.append(t);
		});
		System.out.println(from);
		System.out.println(to);
	}
}
