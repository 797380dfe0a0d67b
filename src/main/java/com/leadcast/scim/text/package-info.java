/**
 * What text the service accepts and how it measures and folds it, the same on every database: no NUL and no unpaired
 * UTF-16 surrogate anywhere (PostgreSQL cannot store the one, no database can store the other faithfully), lengths
 * counted in characters (Unicode code points) as a client counts them, and case folded one character to one
 * character so that a case-insensitive key is never longer than the value it comes from.
 */
package com.leadcast.scim.text;
