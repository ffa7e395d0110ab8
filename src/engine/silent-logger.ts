import pino, { type Logger } from 'pino';

/** The logger of a service started without one: says nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
