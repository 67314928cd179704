/**
 * The web interface: Javalin 7 routes, lore-compatible URLs, view models for the jte templates in {@code web/},
 * and who may change things ({@link org.patchlane.web.Auth}: maintainer login, sessions, CSRF, security headers).
 */
package org.patchlane.web;
