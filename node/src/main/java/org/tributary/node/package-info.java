/**
 * The department server. {@link org.tributary.node.NodeAssembly} is the composition root that builds every part;
 * cohesive groups of parts (audit checkpoints, delivery, media, hashtags and streaming, the kinds of post,
 * likes, boosts, blocks and mutes) are built by small package-private wiring classes that the assembly
 * constructs and asks for their parts.
 */
package org.tributary.node;
