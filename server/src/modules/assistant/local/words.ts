/**
 * Word lists shared by the rules. Kept as plain data so each rule stays a short function.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const MONTH_NAMES = set('january february march april may june july august september october november december');
export const WEEKDAY_NAMES = set('monday tuesday wednesday thursday friday saturday sunday');

/**
 * Ordinary English words: never a person's name, never a typo to be corrected, never part of
 * a street name when written in lower case. Not a dictionary: the words customers put next
 * to names, numbers and keywords in booking messages.
 */
export const COMMON_WORDS = set(`
  a about above across actually add added after afternoon again ago ahead all allergic allergies almost also always am
  an and another any anyone anything anyway anywhere are area around as ask asking at available away awesome back bad
  be because been before being below best better between big birthday bit book booked booking both bring brother but by
  call called calling calls came can can't cancel cannot cant celebrating chance change charge cheap check chef chefs
  child children cold come coming company confirm confirming contacting cook cooking correct could couple cousin crazy
  dad date daughter day days dear dec december definitely did didn't dinner do does doesn't doing don't done down during
  each early earlier eat either else email evening event ever every everyone everything exactly excited extra family far
  fast feel few fine first five folks food for four free friday friend friends from fun getting girls give glad go
  going gone good got great group guest guests guys had half happy has have having he hello help her here hey hi him his
  holiday holidays home hope hoping hours house how husband i i'm if in inquiring instead interested into is isn't it it's
  its just kids kind kindly know last late later let like little live look looking lot love lovely made make many may maybe
  me mom month more morning most much must my name need needing new next nice night no nobody none not nothing now number
  of off oh ok okay on once one only open or other our out over own park party people per perfect person phone place
  plan planning please plus price quick quite ready really regards request reservation reserve right said same saturday
  say see she should sick sister so some someone something son soon sorry still such sunday super sure surprise take
  talk team tell thank thanks that that's the their them then there these they thing things think thinking this those
  three through time to today together tomorrow tonight too total try trying two under until up us very wait want wanted
  wanting was way we we'd we'll we're weekend well were what when where which while who why wife will wish with without
  wondering work working would writing yeah yes yet you you're your yours
  afraid also back calling confused contacting emailing fine following messaging reaching replying sending texting
  trying wondering writing
  am pm ppl pls thx btw lol omg
  cancer chance prime pride prize parts winner sinner booker guess began daily diary managed manage manages managing
  rounds pounds hounds wounds allergen allergens
  incorrect incorrectly unavailable imperfect unconfirmed uninterested disinterested unbooked inhuman
  christmas eve thanksgiving valentine valentine's years year's halloween easter
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november
  street avenue road drive lane court boulevard place terrace way
`);

/** Closings that come before a signature: "Thanks, Sam", "Kind regards,\nPriya". */
export const CLOSINGS = [
  'kind regards',
  'best regards',
  'warm regards',
  'warmest regards',
  'best wishes',
  'many thanks',
  'thank you',
  'yours truly',
  'regards',
  'sincerely',
  'respectfully',
  'cheers',
  'thanks',
  'thx',
  'best',
  'warmly',
  'cordially',
];

export const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof'];

/** US state and territory codes, for the end of an address. */
export const STATE_CODES = set(`
  AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC
  SD TN TX UT VT VA WA WV WI WY DC PR
`);

export const STATE_NAMES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire',
  'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington',
  'West Virginia', 'Wisconsin', 'Wyoming',
];
