// Preloaded (node --import) into the validator processes of the manifest tests: any attempt to open a
// socket throws, so a test passes only if conversion and validation really work offline.
import net from 'node:net';

net.Socket.prototype.connect = function forbiddenConnect() {
  throw new Error('Network access is forbidden here: manifest validation must work offline.');
};
