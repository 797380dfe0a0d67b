/**
 * The app-wide catalog of Leadcast app roles as stored: the app administrator replaces it through the admin API, and
 * the SCIM endpoints read it to check role values and to publish them in {@code /Schemas}.
 */
package com.leadcast.approles;
