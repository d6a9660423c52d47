import {
  Activity, Archive, Brain, CalendarClock, Database, DoorOpen, Dumbbell, FlaskConical, Globe, ListOrdered,
  Package, ScanSearch, Search, Server, Table, Tag, Users, Warehouse, Waves, Zap,
} from 'lucide';

/** One SVG element of an icon: tag and attributes, drawn in a 24 x 24 box with a stroke. */
export type IconElement = [tag: string, attributes: Record<string, string | number | undefined>];

/** The kind icons (Lucide, ISC licence) by the names the kind registry uses. */
export const ICONS: Record<string, readonly IconElement[]> = {
  users: Users, 'door-open': DoorOpen, server: Server, globe: Globe, zap: Zap, table: Table,
  'scan-search': ScanSearch, search: Search, database: Database, archive: Archive, warehouse: Warehouse,
  brain: Brain, dumbbell: Dumbbell, package: Package, 'list-ordered': ListOrdered, waves: Waves,
  'calendar-clock': CalendarClock, activity: Activity, tag: Tag, 'flask-conical': FlaskConical,
} as Record<string, readonly IconElement[]>;
