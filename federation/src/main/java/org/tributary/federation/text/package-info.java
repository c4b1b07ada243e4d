/** Small helpers for reading text at fixed positions. */
package org.tributary.federation.text;
