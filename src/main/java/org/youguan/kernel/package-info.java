/**
 * Kernel shared by every module: self-validating value types (credit code, ID number, phone), the error-code
 * catalogue and its exceptions, masking for display, paging, a select's options as HTML, and what kind of file an upload
 * is by its content ({@link org.youguan.kernel.FileKind}), and the one tally of failed public look-ups and public filings
 * that the rule catalogue's limits count ({@link org.youguan.kernel.PublicTally}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.youguan.kernel;
