package quote

import "strings"

// gender is what a name or role tells of a person's sex, for matching
// pronouns: "he" never resolves to a woman named before, nor "she" to a man.
type gender int

const (
	anyGender gender = iota
	male
	female
)

// femaleNames and maleNames are common given names whose sex is plain;
// names that are both (Jan, Kim, Lee, Pat, Robin, ...) are in neither.
var femaleNames = set(`Abby Alice Alicia Amanda Amber Amy Ana Andrea Angela Anita Ann Anna Anne Annie April Audrey Ava
Barbara Beatrice Becky Beth Betty Beverly Bonnie Brenda Bridget Caitlin Carla Carol Carole Caroline Carolyn Carrie
Catherine Cathy Charlotte Cheryl Christina Christine Cindy Claire Claudia Connie Cynthia Dana Danielle Dawn Debbie
Deborah Debra Denise Diana Diane Donna Doris Dorothy Edith Eileen Elaine Eleanor Elena Elenora Elizabeth Ellen Emily
Emma Erin Esther Eva Evelyn Fatima Florence Frances Francesca Gail Gina Gloria Grace Hannah Heather Heidi Helen
Hillary Holly Irene Jacqueline Jane Janet Janice Jasmine Jean Jeanne Jennifer Jenny Jessica Jill Joan Joanne
Josephine Joyce Judith Judy Julia Julie June Karen Kate Katherine Kathleen Kathryn Kathy Katie Kelly Kendra Kimberly
Kristen Latanya Laura Lauren Laurie Leah Linda Lisa Lois Lori Lorraine Louise Lucy Lydia Lynn Madeleine Margaret
Maria Marie Marilyn Marsha Martha Mary Maureen Megan Melissa Michelle Mildred Miriam Molly Monica Monique Nancy
Natalie Nicole Nora Norma Olga Pamela Patricia Paula Pauline Peggy Penny Phyllis Rachel Rebecca Rita Rosa Rose
Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shirley Sophie Stephanie Sue Susan Suzanne Sylvia Tamara Tanya
Teresa Tina Tracy Valerie Vanessa Vera Veronica Victoria Virginia Wanda Wendy Yvette Yvonne`)

var maleNames = set(`Aaron Abdallah Abdul Abdullah Adam Adrian Ahmed Alan Albert Alex Alexander Ali Allister Andrew Andy Anthony Antonio
Arthur Barack Barry Ben Benjamin Bill Billy Bob Bobby Brad Brandon Brett Brian Bruce Bryan Carl Carlos Charles
Charlie Chris Christopher Clifton Colin Conrad Craig Dan Daniel Danny Dave David Dean Dennis Derek Dick Don Donald
Doug Douglas Ed Eddie Edward Eric Frank Fred Gary George Gerald Gordon Greg Gregory Harold Harry Hassan Henry Howard Hussein Ian Ibrahim
Jack Jacob Jake James Jason Jeff Jeffrey Jeremy Jerry Jim Jimmy Joe John Johnny Jon Jonathan Joseph Josh Joshua
Juan Justin Khaled Khalid Keith Ken Kenneth Kevin Kiran Larry Lawrence Leon Leroy Luis Mark Martin Matt Matthew Michael Mike
Mahmoud Mohamed Mohammad Mohammed Muhammad Mustafa Nathan Neil Nicholas Nick Omar Patrick Paul Peter Phil Philip Ralph Randy Ray Raymond Rex Richard
Rick Rob Robert Roger Ron Ronald Roy Russell Ryan Sam Samuel Scott Sean Sergey Stephen Steve Steven Ted Terry Thad
Thomas Tim Timothy Todd Tom Tony Victor Vincent Walid Walter Wayne William Willie Youssef`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameGender tells a person's sex from the honorific or given name of
// the name as written.
func nameGender(name, title string) gender {
	switch strings.TrimSuffix(title, ".") {
	case "Mr", "Sir", "Lord", "King", "Prince":
		return male
	case "Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess":
		return female
	}
	first := firstWord(name)
	switch {
	case femaleNames[first]:
		return female
	case maleNames[first]:
		return male
	}
	return anyGender
}

// roleGender tells a person's sex from a role noun ("spokeswoman").
func roleGender(role string) gender {
	switch strings.ToLower(role) {
	case "spokeswoman", "woman", "mother", "sister", "daughter", "wife", "girlfriend", "grandmother", "aunt",
		"chairwoman", "congresswoman", "businesswoman", "girl", "niece":
		return female
	case "spokesman", "man", "father", "brother", "son", "husband", "boyfriend", "grandfather", "uncle",
		"chairman", "congressman", "businessman", "boy", "nephew":
		return male
	}
	return anyGender
}

// pronounGender is the sex a pronoun asks for.
func pronounGender(p string) gender {
	switch strings.ToLower(p) {
	case "he", "his", "him":
		return male
	case "she", "her":
		return female
	}
	return anyGender
}

// fits reports whether a person of gender g can be what a pronoun of
// gender want refers to.
func fits(g, want gender) bool { return g == anyGender || want == anyGender || g == want }
