/**
 * The manager's override of a person's zone: a native select of the IANA zones (accessible as it
 * is, and typing a name jumps to it). The full list of zones is rendered once the select is
 * reached (focus or pointer), so twenty rows do not each carry four hundred options until needed.
 */
import { useState } from 'react';
import type { TeamMember } from '../api/get-team';
import { useSetMemberZone } from '../api/set-member-zone';

const AS_REPORTED = '';

let allZones: string[] | null = null;

function everyZone(): string[] {
  if (!allZones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
    allZones = intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
    if (!allZones.includes('UTC')) allZones = [...allZones, 'UTC'];
  }
  return allZones;
}

const SOURCE_NOTE: Record<TeamMember['zoneSource'], string> = {
  browser: 'reported by their browser',
  manager: 'set on the desk',
  demo: 'demo user',
  default: 'not known yet: your zone stands in',
};

export function ZoneSelect({ member }: { member: TeamMember }) {
  const [expanded, setExpanded] = useState(false);
  const setZone = useSetMemberZone();
  const zones = expanded ? everyZone() : [member.timeZone];
  const value = setZone.isPending ? (setZone.variables?.timeZone ?? AS_REPORTED) : member.timeZone;
  return (
    <select
      aria-label={`Time zone of ${member.name} (${SOURCE_NOTE[member.zoneSource]})`}
      className="h-8 max-w-40 rounded-md border border-slate-300 bg-white px-1 text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      value={value}
      disabled={setZone.isPending}
      onFocus={() => setExpanded(true)}
      onPointerDown={() => setExpanded(true)}
      onChange={(event) => {
        const timeZone = event.target.value === AS_REPORTED ? null : event.target.value;
        // A failure is reported by the app's mutation handler ("Couldn't change the time zone").
        setZone.mutate({ userId: member.id, timeZone });
      }}
    >
      {member.zoneSource === 'manager' ? <option value={AS_REPORTED}>As their browser reports</option> : null}
      {zones.includes(member.timeZone) ? null : <option value={member.timeZone}>{member.timeZone}</option>}
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}
