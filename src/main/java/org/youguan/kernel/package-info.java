/**
 * Kernel shared by every module: self-validating value types (credit code, ID number, phone), the error-code
 * catalogue and its exceptions, masking for display, paging, and a select's options as HTML.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.youguan.kernel;
