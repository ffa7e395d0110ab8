// The admin's sign-in settings, apart from the static routes: startServer checks them before it
// listens without loading the app (which it builds at the first request).

/** How the admin UI signs people in, told to it in index.html (see adminSignIn). */
export interface AdminSignIn {
  /** The host's `authenticate` decides who is signed in: ask the API first, no token screen. */
  host: boolean;
  signInUrl?: string;
  signOutUrl?: string;
}

/** The admin's sign-in settings from the app's options; URLs only same-site paths or http(s). */
export function adminSignIn(options: { authenticate?: unknown; signInUrl?: string; signOutUrl?: string }): AdminSignIn {
  const url = (name: string, value: string | undefined) => {
    if (value === undefined) return {};
    if (!/^(\/(?![/\\])|https?:\/\/)/i.test(value)) {
      throw new TypeError(`${name} "${value}" must be a path (/logout) or an http(s) URL.`);
    }
    return { [name]: value };
  };
  return {
    host: options.authenticate !== undefined,
    ...url('signInUrl', options.signInUrl),
    ...url('signOutUrl', options.signOutUrl),
  };
}
