/** The environment variable that adds targets to the outbound allow-list (comma-separated). */
export const OUTBOUND_ALLOW_ENV = 'JOBDECK_OUTBOUND_ALLOW';

/**
 * A request the outbound policy (engine/outbound-policy.ts) refused; no connection was attempted,
 * so open and closed ports look alike. Here, in the domain, so tasks can recognise it.
 */
export class OutboundRefusedError extends Error {
  constructor(host: string, address: string, range: string) {
    super(
      `Outbound request to ${host} refused: ${address} is a ${range} address. Jobdeck calls only public ` +
        `addresses unless the target is allowed (config outbound.allow or ${OUTBOUND_ALLOW_ENV}).`,
    );
    this.name = 'OutboundRefusedError';
  }
}
