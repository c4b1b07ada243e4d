/**
 * One mapper per outgoing ActivityStreams shape: actor documents, Follow/Accept/Undo, Note/Create, collections.
 */
package org.tributary.node.outbound;
