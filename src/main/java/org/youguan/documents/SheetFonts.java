package org.youguan.documents;

import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.model.ThemesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STPatternType;

/**
 * Whether a cell's font lets a person read what it holds: text in the colour of what lies behind it (white on the
 * sheet's white, black on a black fill) or in a font too small to make out (1 pt) shows nothing one can read, as a
 * number format that hides the value does ({@link SheetReader#conceals}). The reader marks such a cell and every
 * import refuses it ({@link SheetRows}, rule {@code hidden-content}).
 * <p>
 * Only what is certain is judged, so an ordinary sheet is never refused: a colour the file does not resolve — a theme
 * colour without the workbook's theme, a fill in "automatic" colour, a gradient — is not judged, and neither is a
 * colour that stands apart from what lies behind it however faintly (contrast of at least {@value #MIN_CONTRAST}).
 * A font without a colour, or in "automatic" colour (indexed 64), is the window text: black. A cell without a fill lies
 * on the window background: white. Conditional formats and the colours of a number format's sections ([白色]) are not
 * read.
 */
final class SheetFonts {

	/**
	 * The largest font, in points, whose text nobody reads: Excel's smallest size is 1 pt, a default cell 11 pt, and
	 * text at 2 pt or less is a line of dots.
	 */
	static final double MAX_UNREADABLE_POINTS = 2;

	/**
	 * The least contrast (WCAG 2 contrast ratio: 1 for the same colour, 21 for black on white) at which text stands
	 * apart from what lies behind it: white on white is 1, white on Excel's "white, darker 5%" 1.1 — neither shows —,
	 * while white on "darker 15%" (1.4) and every colour a sheet is written in to be read stand apart.
	 */
	static final double MIN_CONTRAST = 1.2;

	/** Black, the window text an automatic font colour is shown in. */
	private static final int[] BLACK = { 0, 0, 0 };

	/** White, the window background a cell without a fill lies on. */
	private static final int[] WHITE = { 255, 255, 255 };

	/** The indexed colours of the system's window text (64) and background (65), ECMA-376 §18.8.27. */
	private static final int SYSTEM_FOREGROUND = 64;

	private static final int SYSTEM_BACKGROUND = 65;

	private SheetFonts() {
	}

	/**
	 * Why a cell in {@code style} shows nothing a person can read, in Chinese for a refusal ("字号仅1磅",
	 * "字体颜色#FFFFFF与底色#FFFFFF相同"), or null when its text can be read or that is not certain.
	 * @param style the cell's style (the workbook's default style for a cell without one), or null
	 * @param styles the workbook's styles, for the fill and the theme
	 */
	static String unseen(XSSFCellStyle style, StylesTable styles) {
		if (style == null || styles == null) {
			return null;
		}
		try {
			return judged(style, styles);
		}
		catch (RuntimeException ex) {
			// a style or theme POI cannot resolve (a theme part without a colour scheme, a font id past the fonts): what
			// the cell looks like is not certain, so it is not judged — never a readable sheet refused as unreadable
			return null;
		}
	}

	private static String judged(XSSFCellStyle style, StylesTable styles) {
		XSSFFont font = style.getFont();
		if (font == null) {
			return null;
		}
		double points = font.getFontHeight() / 20.0;
		if (points <= MAX_UNREADABLE_POINTS) {
			return "字号仅" + (points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points)) + "磅";
		}
		ThemesTable theme = styles.getTheme();
		XSSFColor fontColour = font.getXSSFColor();
		int[] text = fontColour == null ? BLACK : rgb(fontColour, theme, BLACK);
		List<int[]> behind = behind(style, styles, theme);
		if (text == null || behind == null || behind.stream().anyMatch(b -> contrast(text, b) >= MIN_CONTRAST)) {
			return null;
		}
		return "字体颜色" + hex(text) + "与底色" + hex(behind.get(0)) + "相同";
	}

	/**
	 * The colours that lie behind the cell's text: white without a fill, the fill's colour for a solid fill, both the
	 * pattern's colours for a patterned one; null when not certain (a gradient, a fill in automatic colour).
	 */
	private static List<int[]> behind(XSSFCellStyle style, StylesTable styles, ThemesTable theme) {
		long fillId = style.getCoreXf().getFillId();
		if (fillId < 0 || fillId >= styles.getFills().size()) {
			return List.of(WHITE);
		}
		XSSFCellFill fill = styles.getFillAt((int) fillId);
		if (fill.getCTFill().isSetGradientFill()) {
			return null;
		}
		STPatternType.Enum pattern = fill.getPatternType();
		if (pattern == null || pattern == STPatternType.NONE) {
			return List.of(WHITE);
		}
		int[] fore = fill.getFillForegroundColor() == null ? null : rgb(fill.getFillForegroundColor(), theme, null);
		if (pattern == STPatternType.SOLID) {
			return fore == null ? null : List.of(fore);
		}
		int[] back = fill.getFillBackgroundColor() == null ? WHITE : rgb(fill.getFillBackgroundColor(), theme, WHITE);
		return fore == null || back == null ? null : List.of(fore, back);
	}

	/**
	 * A colour as red, green and blue (0–255), its theme colour and tint applied; {@code automatic} for the automatic
	 * colour and the system's window text; white for the window background; null when the file does not say which (a
	 * theme colour without a theme, an unknown index).
	 */
	static int[] rgb(XSSFColor colour, ThemesTable theme, int[] automatic) {
		if (colour.isAuto() || colour.isIndexed() && colour.getIndexed() == SYSTEM_FOREGROUND) {
			return automatic;
		}
		if (colour.isIndexed() && colour.getIndexed() == SYSTEM_BACKGROUND) {
			return WHITE;
		}
		if (colour.isThemed() && theme != null) {
			theme.inheritFromThemeAsRequired(colour);
		}
		byte[] rgb = colour.getRGBWithTint();
		if (rgb == null) {
			// an indexed colour: the workbook's palette or the default one (no tint stored with it)
			rgb = colour.isIndexed() ? colour.getRGB() : null;
		}
		if (rgb == null || rgb.length < 3) {
			return null;
		}
		int from = rgb.length - 3;
		return new int[] { rgb[from] & 0xFF, rgb[from + 1] & 0xFF, rgb[from + 2] & 0xFF };
	}

	/** The WCAG 2 contrast ratio of two colours: 1 (the same) to 21 (black and white). */
	static double contrast(int[] a, int[] b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	/** The relative luminance of an sRGB colour (WCAG 2). */
	private static double luminance(int[] rgb) {
		double l = 0;
		double[] weights = { 0.2126, 0.7152, 0.0722 };
		for (int i = 0; i < 3; i++) {
			double c = rgb[i] / 255.0;
			l += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
		}
		return l;
	}

	/** A colour as a message writes it: #FFFFFF. */
	private static String hex(int[] rgb) {
		return String.format(Locale.ROOT, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
	}
}
