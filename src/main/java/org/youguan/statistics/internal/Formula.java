package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.youguan.kernel.Text;

/**
 * An arithmetic formula over indicator codes ("express.volume.local + express.volume.intercity", "a / b * 100"):
 * numbers, codes, + - * / and parentheses. Parsed once; evaluated against values by code. A code without a value makes
 * the result unknown (null) rather than zero, and so does division by zero.
 */
public final class Formula {

	private sealed interface Node permits Number, Code, Binary {
	}

	private record Number(BigDecimal value) implements Node {
	}

	private record Code(String code) implements Node {
	}

	private record Binary(char op, Node left, Node right) implements Node {
	}

	private final String text;

	private final Node root;

	private final Set<String> codes = new LinkedHashSet<>();

	private int pos;

	private Formula(String text) {
		this.text = text;
		this.root = expression();
		skipSpaces();
		if (pos != text.length()) {
			throw error("多余的内容");
		}
	}

	/** The longest formula the catalogue keeps (its column holds 300 characters). */
	public static final int MAX_LENGTH = 300;

	/** The deepest nesting of brackets a formula may have: the parser descends once per bracket. */
	public static final int MAX_DEPTH = 20;

	/**
	 * Parses a formula; a malformed one fails with the position of the problem, one nested deeper than
	 * {@link #MAX_DEPTH} before any parsing (the parser is recursive: 5,000 brackets would overflow its stack).
	 */
	public static Formula parse(String text) {
		if (text == null || Text.isBlank(text)) {
			throw new IllegalArgumentException("公式为空");
		}
		if (depth(text) > MAX_DEPTH) {
			throw new IllegalArgumentException("公式的括号嵌套不能超过" + MAX_DEPTH + "层");
		}
		return new Formula(Text.strip(text));
	}

	/** The deepest nesting of opening brackets in the text, counted without parsing (unbalanced text included). */
	public static int depth(String text) {
		int depth = 0;
		int deepest = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				deepest = Math.max(deepest, ++depth);
			}
			else if (c == ')' && depth > 0) {
				depth--;
			}
		}
		return deepest;
	}

	/**
	 * The indicator codes the formula reads, in order of appearance (a set's own order changed from one start to the
	 * next, and so did every list of a formula's parts).
	 */
	public Set<String> codes() {
		return Collections.unmodifiableSet(codes);
	}

	/**
	 * Whether the formula divides by a divisor written without any indicator that is zero ("a / 0", "a / (2 - 2)"): its
	 * value could never be computed, and such a formula is refused when saved.
	 */
	public boolean dividesByZero() {
		return dividesByZero(root);
	}

	private static boolean dividesByZero(Node node) {
		if (!(node instanceof Binary b)) {
			return false;
		}
		if (b.op() == '/') {
			BigDecimal divisor = eval(b.right(), Map.of());
			if (divisor != null && divisor.signum() == 0) {
				return true;
			}
		}
		return dividesByZero(b.left()) || dividesByZero(b.right());
	}

	/** The value with these inputs, or null when an input is missing or a divisor is zero. */
	public BigDecimal evaluate(Map<String, BigDecimal> values) {
		return eval(root, values);
	}

	@Override
	public String toString() {
		return text;
	}

	private static BigDecimal eval(Node node, Map<String, BigDecimal> values) {
		if (node instanceof Number n) {
			return n.value();
		}
		if (node instanceof Code c) {
			return values.get(c.code());
		}
		Binary b = (Binary) node;
		BigDecimal l = eval(b.left(), values);
		BigDecimal r = eval(b.right(), values);
		if (l == null || r == null) {
			return null;
		}
		return switch (b.op()) {
			case '+' -> l.add(r);
			case '-' -> l.subtract(r);
			case '*' -> l.multiply(r);
			default -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL64);
		};
	}

	private Node expression() {
		Node left = term();
		while (true) {
			skipSpaces();
			if (peek('+') || peek('-')) {
				char op = text.charAt(pos++);
				left = new Binary(op, left, term());
			}
			else {
				return left;
			}
		}
	}

	private Node term() {
		Node left = factor();
		while (true) {
			skipSpaces();
			if (peek('*') || peek('/')) {
				char op = text.charAt(pos++);
				left = new Binary(op, left, factor());
			}
			else {
				return left;
			}
		}
	}

	private Node factor() {
		skipSpaces();
		if (pos >= text.length()) {
			throw error("缺少运算数");
		}
		char c = text.charAt(pos);
		if (c == '(') {
			pos++;
			Node inner = expression();
			skipSpaces();
			if (!peek(')')) {
				throw error("缺少右括号");
			}
			pos++;
			return inner;
		}
		int start = pos;
		// ASCII digits only: BigDecimal would read Arabic-Indic ones (٣) as numbers too
		if (c >= '0' && c <= '9') {
			while (pos < text.length() && (text.charAt(pos) >= '0' && text.charAt(pos) <= '9' || text.charAt(pos) == '.')) {
				pos++;
			}
			String digits = text.substring(start, pos);
			try {
				return new Number(new BigDecimal(digits));
			}
			catch (NumberFormatException ex) {
				// "1..2", "3.": BigDecimal's own words are English, and reach the user as the formula's error
				throw error("的数字“" + digits + "”格式错误（只能有一个小数点）");
			}
		}
		if (Character.isLetter(c)) {
			while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
					|| text.charAt(pos) == '_')) {
				pos++;
			}
			String code = text.substring(start, pos);
			codes.add(code);
			return new Code(code);
		}
		throw error("无法识别的字符“" + c + "”");
	}

	private boolean peek(char c) {
		return pos < text.length() && text.charAt(pos) == c;
	}

	private void skipSpaces() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("公式“" + text + "”第" + (pos + 1) + "个字符处" + what);
	}
}
