/**
 * HTTP plumbing shared by every resource: the Jetty server, ApiException and its mapping to the JSON error body.
 */
package org.tributary.node.http;
