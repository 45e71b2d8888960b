/** The signed-in person as the header's menu needs them (the app hands in its `/me/`). */
export type MenuPerson = { id: string; first_name: string; last_name: string; email: string };

export const personName = (p: Pick<MenuPerson, 'first_name' | 'last_name' | 'email'>) => `${p.first_name} ${p.last_name}`.trim() || p.email;
