// The signed-in person as every route sees them.
import type { Role } from '../../../common/org.ts';

export interface RoleGrant { role: Role; scope: string }

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  kind: string;
  orgUnit: string;
  roles: RoleGrant[];
  elderMode: boolean;
  locale: 'zh-CN' | 'en';
  /** whether the person ever saved their preferences (else the device's choices are adopted) */
  preferencesSaved: boolean;
  sessionId: string;
  csrfToken: string;
}
