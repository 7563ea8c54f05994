// Preloaded (node --require) into a tool under test that must make no calls home: every
// connection and DNS lookup to a host other than this machine's loopback is refused and written
// to the file $DENY_NETWORK_LOG, which the test then reads. Connections to 127.0.0.0/8, ::1,
// localhost and local sockets go through.
'use strict';
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const log = process.env.DENY_NETWORK_LOG;
if (!log) throw new Error('deny-network.cjs: set DENY_NETWORK_LOG');
const isLocal = (host) => host === undefined || host === null || host === '' || host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '[::1]';
const record = (what) => fs.appendFileSync(log, `${what}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  // A local socket has a path and no port (an HTTP request's options carry its URL's path too).
  const local = typeof options.path === 'string' && options.port === undefined;
  if (!local && !isLocal(options.host)) {
    record(`connect ${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(new Error(`deny-network: no connection to ${options.host}`)));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!isLocal(host)) record(`lookup ${host}`);
  return lookup.call(this, isLocal(host) ? host : 'deny-network.invalid', ...rest);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  if (!isLocal(host)) {
    record(`lookup ${host}`);
    return Promise.reject(new Error(`deny-network: no lookup of ${host}`));
  }
  return lookupPromise.call(this, host, ...rest);
};
