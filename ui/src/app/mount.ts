/**
 * Where the admin lives, as the server tells it in index.html: the `<base href>` (e.g.
 * `/jobs-admin/admin/` when the host mounts Jobdeck at `/jobs-admin`) and a JSON block with the
 * base path and how people sign in. Assets, the router and API calls all derive from it.
 */
interface MountConfig {
  basePath: string;
  signIn: { host: boolean; signInUrl?: string; signOutUrl?: string };
}

function readConfig(): MountConfig {
  const fallback: MountConfig = { basePath: '', signIn: { host: false } };
  const text = document.getElementById('jobdeck-config')?.textContent;
  if (!text) return fallback; // the Vite dev server: the admin at /admin, API at /api
  try {
    return { ...fallback, ...(JSON.parse(text) as Partial<MountConfig>) };
  } catch {
    return fallback;
  }
}

export const mount = readConfig();

/** The router's basename: `/jobs-admin/admin`. */
export const adminBase = `${mount.basePath}/admin`;

/** The API's root path: `/jobs-admin/api`. */
export const apiRoot = `${mount.basePath}/api`;
