package org.youguan.licensing.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.licensing.LicenceVerification;

/**
 * The public verification of an e-licence (the target of the certificate's QR code), as a page and as an API, without
 * signing in: the holder's name, scope, validity and status (revoked, cancelled, expired reported as such) — no
 * personal data. An unknown number or a wrong code answers 200 with {@code valid=false}, up to the hourly limit of
 * failed verifications ({@link LicenceVerification#verify(String, String, String)}), then 429.
 */
@Controller
@Tag(name = "电子许可证核验", description = "按许可证编号和验证码核验快递业务经营许可证（无需登录，不含个人信息）")
class PublicLicenceController {

	private final LicenceVerification verification;

	PublicLicenceController(LicenceVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/public/licences/verify")
	String page(@RequestParam(required = false) String number, @RequestParam(required = false) String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("number", number == null ? "" : number);
		model.addAttribute("code", code == null ? "" : code);
		if (number != null || code != null) {
			// the form sent: a field left empty is told beside it (400, never counted), as the API tells it
			try {
				model.addAttribute("result", verification.verify(number, code, request.getRemoteAddr()));
			}
			catch (DomainException ex) {
				FormSteps.refused(ex, model, response);
			}
		}
		return "licensing/verify";
	}

	@GetMapping("/api/v1/public/licences/verify")
	@ResponseBody
	@Operation(summary = "核验电子许可证", description = "number：许可证编号；code：许可证上的验证码。字段：valid（编号与验证码相符且"
			+ "许可证今日有效）、enterprise、scope、validFrom、validUntil、status（VALID、EXPIRED、REVOKED、CANCELLED，已被换发的旧证书验证码为REPLACED，编号与验证码"
			+ "不符为UNKNOWN）、statusLabel。同一许可证编号（不论是否存在）每小时核验失败达到规则目录licence.verify-failures的次数后，再次核验失败返回429（rule为lookup-limit），正确的验证码仍照常核验；同一访问地址每小时核验失败达到licence.verify-failures-per-address的次数后，该地址的任何核验都返回429。")
	LicenceVerification.Result api(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
			HttpServletRequest request) {
		// a field left empty is told as such (400) by the verification, not verified as a wrong code and counted
		return verification.verify(number, code, request.getRemoteAddr());
	}
}
