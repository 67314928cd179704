/** Mail: RFC 5322 and MIME parsing with Angus Mail into immutable {@link org.patchlane.mail.Mail} records. */
package org.patchlane.mail;
