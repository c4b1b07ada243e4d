/**
 * The department server. {@link org.tributary.node.NodeAssembly} is the composition root that builds every part.
 */
package org.tributary.node;
