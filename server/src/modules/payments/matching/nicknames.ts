/**
 * Given names and the short forms people go by, both ways (Bill pays for William's booking,
 * William for Bill's). A curated table of common US usage: no maintained npm package ships such
 * a list with its data. A short form may belong to several names (Chris: Christopher,
 * Christina, Christine); two names are equivalent when they share a group.
 */
const GROUPS: readonly string[] = [
  'william bill billy will willy liam',
  'elizabeth liz lizzie liza eliza beth betty betsy bette elise',
  'robert bob bobby rob robbie bert',
  'richard rick ricky rich richie dick',
  'james jim jimmy jamie jimbo',
  'john jack johnny jon',
  'jonathan jon jonny john nathan',
  'michael mike mikey mick mickey',
  'christopher chris kit topher',
  'christina chris tina christy kristy',
  'christine chris tina christy',
  'jennifer jen jenny jenn',
  'katherine kate katie kathy kat kay',
  'catherine cathy cat kate katie',
  'kathryn kathy kate katie',
  'margaret maggie peggy meg megan margie greta',
  'thomas tom tommy',
  'daniel dan danny',
  'danielle dani',
  'matthew matt matty',
  'anthony tony ant',
  'joseph joe joey jose',
  'josephine jo josie',
  'patricia pat patty trish tricia',
  'patrick pat paddy rick',
  'susan sue susie suzy',
  'suzanne sue susie suzy',
  'deborah deb debbie debra',
  'alexander alex al xander sasha',
  'alexandra alex lexi sasha sandra',
  'benjamin ben benny',
  'nicholas nick nicky',
  'nicole nikki nicky',
  'samantha sam sammy',
  'samuel sam sammy',
  'rebecca becky becca',
  'victoria vicky tori',
  'edward ed eddie ted ned',
  'theodore ted teddy theo',
  'charles charlie chuck chaz',
  'charlotte charlie lottie',
  'steven steve stevie',
  'stephen steve stevie',
  'stephanie steph stevie',
  'andrew andy drew',
  'timothy tim timmy',
  'kimberly kim kimmy',
  'jessica jess jessie',
  'gregory greg',
  'raymond ray',
  'ronald ron ronnie',
  'donald don donnie',
  'kenneth ken kenny',
  'lawrence larry laurence',
  'abigail abby abbie gail',
  'frederick fred freddie fritz',
  'zachary zach zack',
  'david dave davey',
  'jeffrey jeff',
  'joshua josh',
  'nathaniel nate nathan nat',
  'peter pete',
  'philip phil',
  'phillip phil',
  'sandra sandy',
  'cynthia cindy',
  'barbara barb barbie',
  'gabriel gabe',
  'gabrielle gabby',
  'manuel manny',
  'francisco frank paco pancho',
  'frances fran frankie',
  'francis frank fran',
  'guadalupe lupe',
  'alberto beto al',
  'roberto beto rob',
  'henry hank harry',
  'harold harry hal',
  'albert al bert',
  'alfred al alfie fred',
  'vincent vince vinny',
  'teresa terry tess tessa',
  'amanda mandy',
  'angela angie',
  'leonard leo len lenny',
  'douglas doug',
  'gerald gerry jerry',
  'jerome jerry',
  'eugene gene',
  'walter walt wally',
  'ernest ernie',
  'herbert herb',
  'jacob jake',
  'benedict ben',
  'maximilian max',
  'maxwell max',
  'mathew matt',
  'valerie val',
  'pamela pam',
  'judith judy',
  'dorothy dot dottie',
  'eleanor ellie nora',
  'madeline maddie',
  'isabel izzy bella',
  'isabella izzy bella',
  'olivia liv',
  'allison ally allie',
  'jacqueline jackie',
  'ashley ash',
  'melissa missy mel',
  'melanie mel',
  'cassandra cassie',
  'jonathon jon',
  'terrence terry',
  'marjorie margie',
  'virginia ginny',
  'wilhelmina mina',
];

const groupsOf = new Map<string, number[]>();
const members = GROUPS.map((line) => line.split(' '));
for (const [group, names] of members.entries()) {
  for (const name of names) {
    const groups = groupsOf.get(name) ?? [];
    groups.push(group);
    groupsOf.set(name, groups);
  }
}

/** The groups a lower-case given name belongs to (empty when it has no known short form). */
export function nicknameGroups(name: string): readonly number[] {
  return groupsOf.get(name) ?? [];
}

/** Whether two lower-case given names are one person's (Bill and William, Liz and Elizabeth). */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const groups = groupsOf.get(a);
  if (!groups) return false;
  const other = groupsOf.get(b);
  return other !== undefined && groups.some((group) => other.includes(group));
}

/** The other names of a lower-case given name's groups (William: bill, billy, will, willy, liam). */
export function givenNameForms(name: string): readonly string[] {
  const forms = new Set<string>();
  for (const group of groupsOf.get(name) ?? []) for (const other of members[group]) if (other !== name) forms.add(other);
  return [...forms];
}
